namespace Opside.Detection;

/// <summary>
/// A candidate's status by date. <c>ResolvedByAmazon</c> is not here: it belongs to a claim that was a candidate
/// before and no longer is, which only the claim's owner (its grain) can know.
/// </summary>
public enum ClaimStatus
{
    /// <summary>Before the window: Amazon may still pay or find the units on its own.</summary>
    Watching,

    /// <summary>Inside the window, both ends inclusive.</summary>
    Claimable,

    /// <summary>After the window closed.</summary>
    Expired,
}
