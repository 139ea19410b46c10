namespace Opside.Sandbox.Synthetic;

/// <summary>Generates a seller from (selling partner id, as-of date, scale) alone: the same inputs give the same seller.</summary>
public static class SellerGenerator
{
    /// <summary>The plants need their whole windows after the manufacturing-cost era (2025-03-10) began.</summary>
    public static readonly DateOnly EarliestAsOf = new(2025, 6, 1);

    public static SyntheticSeller Generate(string sellingPartnerId, DateOnly asOf, SellerScale scale)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellingPartnerId);
        if (asOf < EarliestAsOf)
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"The as-of date must be on or after {EarliestAsOf:yyyy-MM-dd}.");

        var builder = new SellerBuilder(sellingPartnerId, asOf, new SeededRandom(SeededRandom.SeedOf(sellingPartnerId)));
        PlantedInventory.Add(builder);
        PlantedReturns.Add(builder);
        PlantedShipments.Add(builder);
        var (skus, saleChance) = scale == SellerScale.Small ? (20, 0.22) : (100, 0.35);
        BackgroundActivity.Add(builder, skus, saleChance);

        var labels = new SellerLabels(
            sellingPartnerId,
            asOf,
            [.. builder.Claims.OrderBy(c => c.Type).ThenBy(c => c.AnchorDate)],
            builder.Decoys,
            builder.NeedsReview);
        return new SyntheticSeller(
            sellingPartnerId,
            asOf,
            scale,
            builder.Skus,
            [.. builder.Ledger.OrderBy(r => r.Date)],
            [.. builder.Reimbursements.OrderByDescending(r => r.ApprovalDate)],
            [.. builder.Returns.OrderBy(r => r.ReturnDate)],
            [.. builder.RemovalOrders.OrderBy(r => r.RequestDate)],
            [.. builder.Shipments.OrderBy(s => s.LastUpdated)],
            [.. builder.Refunds.OrderBy(r => r.PostedDate)],
            [.. builder.Costs.OrderBy(c => c.Sku, StringComparer.Ordinal).ThenBy(c => c.EffectiveDate)],
            labels);
    }
}
