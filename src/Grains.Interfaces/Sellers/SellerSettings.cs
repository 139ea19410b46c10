namespace Opside.Grains.Sellers;

/// <summary>
/// A seller's own choices for detection. <see cref="ClaimDamageCodesHku"/>: also claim ledger damage codes H, K and U
/// (customer, defect, distributor damage), which Amazon often refuses; off by default (docs/claim-rules.md, WarehouseDamaged).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.sellers.settings")]
public sealed record SellerSettings([property: Id(0)] bool ClaimDamageCodesHku = false)
{
    public static SellerSettings Default { get; } = new();
}

/// <summary>
/// The settings with what detection needs beside them: the first marketplace of the seller's Amazon connection
/// (null when not connected), whose policy detection uses. One read for the settings route and for detection.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.sellers.settings-view")]
public sealed record SellerSettingsView(
    [property: Id(0)] SellerSettings Settings,
    [property: Id(1)] string? MarketplaceId);
