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
    /// <summary>
    /// Amazon itself named the partner (the consent callback carries <c>selling_partner_id</c>); a self-authorised
    /// token's partner id is the seller's word, since no SP-API call Opside may make names the partner behind a token.
    /// </summary>
    public bool Verified => Method == AmazonAuthorization.Website;

    /// <summary>What may be shown: everything but the token.</summary>
    public AmazonConnectionStatus Status() => new(SellingPartnerId, Region, MarketplaceIds, Method, ConnectedAt, Verified);

    public bool IsPartner(string region, string sellingPartnerId) =>
        string.Equals(Region, region, StringComparison.Ordinal) && string.Equals(SellingPartnerId, sellingPartnerId, StringComparison.Ordinal);
}

[GenerateSerializer, Immutable, Alias("opside.amazon.connection-status")]
public sealed record AmazonConnectionStatus(
    [property: Id(0)] string SellingPartnerId,
    [property: Id(1)] string Region,
    [property: Id(2)] IReadOnlyList<string> MarketplaceIds,
    [property: Id(3)] AmazonAuthorization Method,
    [property: Id(4)] DateTimeOffset ConnectedAt,
    [property: Id(5)] bool Verified);

/// <summary>Why a seller's connection ended without the seller asking: shown until the seller connects again.</summary>
[GenerateSerializer, Immutable, Alias("opside.amazon.disconnection")]
public sealed record AmazonDisconnection(
    [property: Id(0)] string SellingPartnerId,
    [property: Id(1)] string Region,
    [property: Id(2)] DateTimeOffset DisconnectedAt,
    [property: Id(3)] string Reason);

/// <summary>What became of a connection request.</summary>
[GenerateSerializer, Alias("opside.amazon.connect-outcome")]
public enum AmazonConnectOutcome
{
    Connected,

    /// <summary>The selling partner is connected to another seller, which keeps it: nothing changed.</summary>
    PartnerTaken,
}

[GenerateSerializer, Alias("opside.amazon.authorization")]
public enum AmazonAuthorization
{
    /// <summary>The seller consented in Seller Central through Opside's authorize link.</summary>
    Website,

    /// <summary>The seller gave Opside a refresh token of a self-authorised private app.</summary>
    SelfAuthorized,
}
