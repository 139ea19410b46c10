namespace Opside.Grains.Amazon;

/// <summary>A seller's authorisation of Opside's app. The refresh token travels and rests encrypted only.</summary>
[GenerateSerializer, Immutable, Alias("opside.amazon.connection")]
public sealed record AmazonConnection(
    [property: Id(0)] string SellingPartnerId,
    [property: Id(1)] string Region,
    [property: Id(2)] IReadOnlyList<string> MarketplaceIds,
    [property: Id(3)] string ProtectedRefreshToken,
    [property: Id(4)] AmazonAuthorization Method,
    [property: Id(5)] DateTimeOffset ConnectedAt)
{
    /// <summary>What may be shown: everything but the token.</summary>
    public AmazonConnectionStatus Status() => new(SellingPartnerId, Region, MarketplaceIds, Method, ConnectedAt);
}

[GenerateSerializer, Immutable, Alias("opside.amazon.connection-status")]
public sealed record AmazonConnectionStatus(
    [property: Id(0)] string SellingPartnerId,
    [property: Id(1)] string Region,
    [property: Id(2)] IReadOnlyList<string> MarketplaceIds,
    [property: Id(3)] AmazonAuthorization Method,
    [property: Id(4)] DateTimeOffset ConnectedAt);

[GenerateSerializer, Alias("opside.amazon.authorization")]
public enum AmazonAuthorization
{
    /// <summary>The seller consented in Seller Central through Opside's authorize link.</summary>
    Website,

    /// <summary>The seller gave Opside a refresh token of a self-authorised private app.</summary>
    SelfAuthorized,
}
