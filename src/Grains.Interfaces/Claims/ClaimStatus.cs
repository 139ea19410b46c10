namespace Opside.Grains.Claims;

/// <summary>
/// A claim's lifecycle (api-contract.md, "Claims"). The first three follow the calendar; <see cref="ResolvedByAmazon"/>
/// is set when detection stops finding the claim because Amazon paid or found the units. Filing states come later.
/// </summary>
[GenerateSerializer, Alias("opside.claims.status")]
public enum ClaimStatus
{
    Watching,
    Claimable,
    Expired,
    ResolvedByAmazon,
}
