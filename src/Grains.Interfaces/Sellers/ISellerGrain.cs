using Orleans.Concurrency;

using Opside.Grains.Amazon;
using Opside.Grains.Scoring;

namespace Opside.Grains.Sellers;

/// <summary>One Amazon seller account managed by Opside: its profile, its Amazon connection and its detection settings.</summary>
[Alias("opside.sellers.seller")]
public interface ISellerGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile; repeating it for the same owner changes nothing and answers the profile.</summary>
    [Alias("create")]
    Task<SellerProfile> CreateAsync(string companyName, string ownerUserId);

    /// <summary>The profile, or null when this seller id was never created.</summary>
    [Alias("profile")]
    Task<SellerProfile?> GetProfileAsync();

    /// <summary>
    /// Stores (or replaces) the Amazon connection, unless its selling partner is connected to another seller that
    /// keeps it (docs/architecture.md, "The Amazon connection"). The refresh token in it is already encrypted.
    /// </summary>
    [Alias("connect-amazon")]
    Task<AmazonConnectOutcome> ConnectAmazonAsync(AmazonConnection connection);

    /// <summary>
    /// Ends this seller's connection of that partner, because another seller's verified connection replaced it;
    /// the reason is kept for <see cref="GetAmazonDisconnectionAsync"/>. Does nothing if the seller is connected to
    /// anything else by now.
    /// </summary>
    [Alias("disconnect-displaced")]
    Task DisconnectDisplacedAsync(string region, string sellingPartnerId);

    /// <summary>Why the last connection ended without the seller asking, or null.</summary>
    [Alias("amazon-disconnection")]
    Task<AmazonDisconnection?> GetAmazonDisconnectionAsync();

    /// <summary>
    /// The connection with its token still encrypted, for the seller's sync grain; null when not connected.
    /// Interleaves: the sync grain asks while this grain may be waiting on it (scheduling a sync on connect).
    /// </summary>
    [Alias("amazon-connection-for-sync"), AlwaysInterleave]
    Task<AmazonConnection?> GetAmazonConnectionForSyncAsync();

    /// <summary>The connection without its token, or null when not connected.</summary>
    [Alias("amazon-connection")]
    Task<AmazonConnectionStatus?> GetAmazonConnectionAsync();

    /// <summary>The seller's settings and connection marketplace, or null when this seller id was never created.</summary>
    [Alias("settings")]
    Task<SellerSettingsView?> GetSettingsAsync();

    /// <summary>Stores the settings (the same settings write nothing) and answers the view of them.</summary>
    [Alias("update-settings")]
    Task<SellerSettingsView> UpdateSettingsAsync(SellerSettings settings);

    /// <summary>Ops' filing cap and threshold for the seller, or null when this seller id was never created.</summary>
    [Alias("filing-policy")]
    Task<FilingPolicy?> GetFilingPolicyAsync();

    /// <summary>Stores ops' filing cap and threshold (404 for a seller never created) and answers them.</summary>
    [Alias("update-filing-policy")]
    Task<FilingPolicy> UpdateFilingPolicyAsync(FilingPolicy policy);
}

[GenerateSerializer, Immutable, Alias("opside.sellers.profile")]
public sealed record SellerProfile(
    [property: Id(0)] string SellerId,
    [property: Id(1)] string CompanyName,
    [property: Id(2)] string OwnerUserId,
    [property: Id(3)] DateTimeOffset CreatedAt);
