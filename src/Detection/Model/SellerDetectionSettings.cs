namespace Opside.Detection;

/// <summary>
/// A seller's own choices. <see cref="ClaimDamageCodesHKU"/>: also claim ledger damage codes H, K and U (customer,
/// defect, distributor damage), which Amazon often refuses; off by default.
/// </summary>
public sealed record SellerDetectionSettings(bool ClaimDamageCodesHKU = false)
{
    public static SellerDetectionSettings Default { get; } = new();
}
