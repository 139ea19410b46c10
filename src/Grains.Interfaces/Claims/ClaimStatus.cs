namespace Opside.Grains.Claims;

/// <summary>
/// A claim's lifecycle (docs/api.md, "Claims"). The first three follow the calendar; <see cref="ResolvedByAmazon"/>
/// is set when detection stops finding the claim because Amazon paid or found the units; <see cref="Dismissed"/> when
/// the seller chose not to claim it. Filing states come later.
/// </summary>
[GenerateSerializer, Alias("opside.claims.status")]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClaimStatus>))]
public enum ClaimStatus
{
    Watching,
    Claimable,
    Expired,
    ResolvedByAmazon,

    /// <summary>
    /// Left out by the seller's choice, not paid: today, damage codes H, K and U after the seller opts out (history
    /// <c>by</c> = <c>settings</c>, reopened if the seller opts in again). The contract's dismissal is this status too.
    /// </summary>
    Dismissed,
}
