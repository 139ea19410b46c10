using Opside.DataPlane.Storage;

namespace Opside.Benchmarks.Detection.EndToEnd;

/// <summary>Writes <see cref="LargeSeller"/>'s rows into a store the way a sync would: one replaced range per source.</summary>
internal static class LargeSellerSeeding
{
    public static async Task<long> SeedAsync(BenchStore target, string sellerId)
    {
        var data = LargeSeller.Generate();
        // What the silo's detection should find today, to check its count against and to say what the run upserts.
        var expected = Opside.Detection.ClaimDetector.Detect(sellerId, data, Opside.Detection.DetectionPolicy.UnitedStates,
            Opside.Detection.SellerDetectionSettings.Default, DateOnly.FromDateTime(DateTime.UtcNow));
        Console.WriteLine($"expected {expected.Claims.Count:N0} claims: " + string.Join(", ", expected.Claims
            .GroupBy(c => c.Type).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0} ({string.Join("/", g.GroupBy(c => c.Status).OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count()}"))})")));
        var (store, lifetime) = target.Open();
        using (lifetime)
        {
            var ct = CancellationToken.None;
            var first = data.Ledger.Min(r => r.Date);
            var from = new DateTimeOffset(first.AddDays(-400).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var to = new DateTimeOffset(LargeSeller.AsOf.AddDays(400).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            long rows = 0;
            // In date order, as a sync writes a ledger report (Amazon's rows come by date); the generator makes them in
            // random order, which would scatter each day's rows over the table and make the date-ordered read seek.
            rows += await store.ReplaceLedgerAsync(sellerId, first, LargeSeller.AsOf.AddDays(400), data.Ledger.OrderBy(r => r.Date).ToList(), ct);
            rows += await store.ReplaceReimbursementsAsync(sellerId, from, to, data.Reimbursements, ct);
            rows += await store.ReplaceCustomerReturnsAsync(sellerId, from, to, data.CustomerReturns, ct);
            rows += await store.ReplaceRemovalOrdersAsync(sellerId, from, to, data.RemovalOrders, ct);
            rows += await store.UpsertInboundShipmentsAsync(sellerId, data.Shipments, data.ShipmentItems, ct);
            rows += await store.ReplaceRefundsAsync(sellerId, from, to, data.Refunds, ct);
            rows += await store.ReplaceCostCatalogAsync(sellerId, data.CostCatalog, ct);
            return rows;
        }
    }
}
