namespace Opside.Grains.Claims;

/// <summary>
/// A claim's lifecycle (docs/claim-workflow.md). The first three follow the calendar; <see cref="ResolvedByAmazon"/>
/// is set when detection stops finding the claim because Amazon paid or found the units; <see cref="Dismissed"/> when
/// the seller chose not to claim it. From <see cref="Filed"/> on, the claim is in the hands of a person and of Amazon:
/// detection and the calendar no longer move it, only decisions and the reimbursements reconciled to its case.
/// </summary>
/// <remarks>New members go at the end: Orleans and the grain store keep the number.</remarks>
[GenerateSerializer, Alias("opside.claims.status")]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    Watching,
    Claimable,
    Expired,
    ResolvedByAmazon,

    /// <summary>
    /// Left out by the seller's choice, not paid: by a person (the dismissal route; detection does not undo it), or by
    /// the seller's settings for damage codes H, K and U (history <c>by</c> = <c>settings</c>, reopened if the seller
    /// opts in again).
    /// </summary>
    Dismissed,

    /// <summary>A case is open in Seller Central; the claim carries its case id.</summary>
    Filed,

    /// <summary>Amazon accepted the case in full (recorded by a person, or implied by a full payment).</summary>
    Approved,

    /// <summary>Amazon accepted part of the case (recorded by a person, or found from a payment short of the claim).</summary>
    PartiallyApproved,

    /// <summary>Amazon refused the case. A later payment on the same case still moves it to <see cref="Reimbursed"/>.</summary>
    Denied,

    /// <summary>Amazon's reimbursement report shows the case paid; <c>recovered</c> says what, net of reversals.</summary>
    Reimbursed,
}

public static class ClaimStatuses
{
    /// <summary>A case was filed: the workflow, not detection or the calendar, moves the claim.</summary>
    public static bool IsFiled(this ClaimStatus status) => status >= ClaimStatus.Filed;
}
