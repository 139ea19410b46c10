namespace Opside.Grains.Amazon;

/// <summary>
/// One selling partner in one region, keyed by <see cref="Key"/>: the seller it is connected to, so one Amazon
/// account reaches one Opside seller at a time. Only seller grains call it, each for itself.
/// </summary>
[Alias("opside.amazon.selling-partner")]
public interface ISellingPartnerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Connects the partner to <paramref name="sellerId"/> when it is free, already theirs, or held unverified by
    /// another seller while this claim is verified (Amazon named the partner); otherwise refuses and changes nothing.
    /// </summary>
    [Alias("claim")]
    Task<PartnerClaim> ClaimAsync(string sellerId, bool verified);

    /// <summary>Frees the partner if <paramref name="sellerId"/> holds it; anything else is left as it is.</summary>
    [Alias("release")]
    Task ReleaseAsync(string sellerId);

    static string Key(string region, string sellingPartnerId) => $"{region}/{sellingPartnerId}";
}

/// <summary>
/// The answer to a claim. <see cref="DisplacedSellerId"/> names the seller whose unverified connection the verified
/// claim replaced; it is repeated on every later claim by the same holder, so a retry after a crash still
/// disconnects it (disconnecting is idempotent).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.amazon.partner-claim")]
public sealed record PartnerClaim(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? DisplacedSellerId);
