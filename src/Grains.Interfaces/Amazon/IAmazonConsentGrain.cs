namespace Opside.Grains.Amazon;

/// <summary>
/// One consent attempt, keyed by its random <c>state</c>: which seller asked, for which region and marketplaces.
/// Redeemable once, within its lifetime, so a replayed or forged callback connects nothing.
/// </summary>
[Alias("opside.amazon.consent")]
public interface IAmazonConsentGrain : IGrainWithStringKey
{
    [Alias("issue")]
    Task IssueAsync(ConsentRequest request, TimeSpan lifetime);

    /// <summary>The request the first time; null when unknown, expired or already redeemed.</summary>
    [Alias("redeem")]
    Task<ConsentRequest?> RedeemAsync();
}

[GenerateSerializer, Immutable, Alias("opside.amazon.consent-request")]
public sealed record ConsentRequest(
    [property: Id(0)] string SellerId,
    [property: Id(1)] string Region,
    [property: Id(2)] IReadOnlyList<string> MarketplaceIds);
