namespace Opside.Grains.Claims;

/// <summary>
/// A claim's lifecycle (api-contract.md, "Claims"). The first three follow the calendar; <see cref="ResolvedByAmazon"/>
/// is set when detection stops finding the claim because Amazon paid or found the units, and also (with a history note
/// that says so) when the seller opts out of damage codes H, K and U: the contract has no status of its own for a
/// claim the seller withdrew. Filing states come later.
/// </summary>
[GenerateSerializer, Alias("opside.claims.status")]
public enum ClaimStatus
{
    Watching,
    Claimable,
    Expired,
    ResolvedByAmazon,
}
