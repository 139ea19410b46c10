using Opside.DataPlane.Rows;
using Opside.Detection;

namespace Opside.Benchmarks.Detection;

/// <summary>
/// A large seller's data plane in memory, from a fixed seed: 1,000,000 ledger rows over 2,000 FNSKUs and 18 months
/// (mostly shipments and receipts; losses, found units, damage with its P rows, disposals), 50,000 reimbursements
/// (some reversed), 20,000 returns, 2,000 removal lines, 5,000 inbound items over 1,000 shipments, 100,000 refunds and
/// a cost catalog. Losses settle as the research note's distributions say (70 % found again, most of the rest paid
/// by Amazon, damage mostly paid, disposals mostly ordered by the seller), so a few per cent remain to be claimed and
/// every rule does real work on realistic proportions.
/// </summary>
internal static class LargeSeller
{
    public const string SellerId = "bench-large-seller";

    public static readonly DateOnly AsOf = new(2026, 11, 26);

    public static SellerData Generate(int ledgerRows = 1_000_000, int seed = 20261126)
    {
        var random = new Random(seed);
        var start = AsOf.AddMonths(-18);
        var days = AsOf.DayNumber - start.DayNumber;
        var skus = Enumerable.Range(0, 2_000).Select(i => (Fnsku: $"X00{i:D7}", Sku: $"SK-{i:D4}", Asin: $"B0{i:D8}")).ToArray();
        // What each unit cost the seller; Amazon pays about that, and underpays one payment in thirty.
        var unitCost = skus.ToDictionary(s => s.Fnsku, _ => Math.Round(3m + (decimal)random.NextDouble() * 20m, 2), StringComparer.Ordinal);
        DateOnly Day() => start.AddDays(random.Next(days));
        DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60))), TimeSpan.Zero);
        string[] fcs = ["ONT8", "MDW2", "PHX7", "LGB8", "BFI4"];

        var shipments = Enumerable.Range(0, 1_000).Select(i => new InboundShipment($"FBA{i:D9}", $"Shipment {i}", i % 10 == 0 ? "RECEIVING" : "CLOSED", fcs[i % fcs.Length])).ToArray();
        var ledger = new List<LedgerEvent>(ledgerRows);
        var reimbursements = new List<ReimbursementRow>(50_000);
        var removals = new List<RemovalOrderRow>(2_000);
        string Reference() => random.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        void Add(DateOnly day, (string Fnsku, string Sku, string Asin) item, string eventType, string reference, int quantity, string reason, string disposition) =>
            ledger.Add(new LedgerEvent(day, item.Fnsku, item.Asin, item.Sku, "A product title of ordinary length", eventType, reference, quantity,
                fcs[random.Next(fcs.Length)], disposition, reason, "US", null, null, null, ""));
        void Reimburse(DateOnly day, (string Fnsku, string Sku, string Asin) item, string reason, int units, string order = "")
        {
            var fair = unitCost[item.Fnsku] * (1m + (decimal)random.NextDouble() * 0.15m);
            var amount = Math.Round(random.Next(30) == 0 ? fair * 0.7m : fair, 2);
            var id = (7_000_000_000 + reimbursements.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var approved = At(day);
            reimbursements.Add(new ReimbursementRow(approved, id, "", order, reason, item.Sku, item.Fnsku, item.Asin, "Product", "NewItem", "USD",
                amount, amount * units, units, 0, units, "", ""));
            if (reimbursements.Count % 50 == 0)
                reimbursements.Add(new ReimbursementRow(approved.AddDays(10), $"8{id}", "", "", "Reimbursement_Reversal", $"Amazon.Found.{item.Asin}", item.Asin, item.Asin,
                    "Product", "NewItem", "USD", -amount, -amount, -1, 1, 0, id, reason));
        }

        while (ledger.Count < ledgerRows)
        {
            var item = skus[random.Next(skus.Length)];
            var day = Day();
            var later = day.AddDays(random.Next(1, 40));
            var roll = random.Next(1000);
            switch (roll)
            {
                case < 700:
                    Add(day, item, "Shipments", "", -1, "", "SELLABLE");
                    break;
                case < 860:
                    Add(day, item, "Receipts", shipments[random.Next(shipments.Length)].ShipmentId, random.Next(1, 48), "", "SELLABLE");
                    break;
                case < 960:
                    Add(day, item, "CustomerReturns", "", 1, "", "SELLABLE");
                    break;
                case < 985:
                    // A loss: mostly found again, else mostly paid by Amazon, else owed.
                    var lost = random.Next(1, 3);
                    Add(day, item, "Adjustments", Reference(), -lost, "M", "SELLABLE");
                    if (random.Next(10) < 7)
                        Add(later, item, "Adjustments", Reference(), lost, "F", "SELLABLE");
                    else if (random.Next(100) < 85)
                        Reimburse(later, item, "Lost_Warehouse", lost);
                    break;
                case < 999:
                    Add(day, item, "Adjustments", Reference(), -1, "E", "SELLABLE");
                    Add(day, item, "Adjustments", Reference(), 1, "P", "WAREHOUSE_DAMAGED");
                    if (random.Next(10) < 9)
                        Reimburse(later, item, "Damaged_Warehouse", 1);
                    break;
                default:
                    var disposed = random.Next(1, 4);
                    if (random.Next(10) < 9 && removals.Count < 2_000)
                    {
                        var requested = At(day.AddDays(-random.Next(1, 10)));
                        removals.Add(new RemovalOrderRow(requested, $"RMV{removals.Count:D7}", "Disposal", "Standard", "Completed", At(day),
                            item.Sku, item.Fnsku, "Unsellable", disposed, 0, disposed, 0, 0, 0.5m * disposed, "USD"));
                    }
                    Add(day, item, "Adjustments", Reference(), -disposed, "D", "UNSELLABLE");
                    break;
            }
        }

        // Refunds to the 100,000 items, over orders of one to four units refunded one event per unit. Half the
        // orders come back (one returns row for all their units, to the 20,000 rows), nearly all the others
        // Amazon reimburses, and about one in forty is owed. One return in fifty arrives damaged, mostly paid.
        var refunds = new List<RefundItem>(100_000);
        var returns = new List<CustomerReturnRow>(20_000);
        for (var orderNumber = 0; refunds.Count < 100_000; orderNumber++)
        {
            var item = skus[random.Next(skus.Length)];
            var order = $"112-{orderNumber:D7}-{random.Next(1_000_000, 9_999_999)}";
            var posted = At(Day());
            var units = Math.Min(random.Next(1, 5), 100_000 - refunds.Count);
            var principal = Math.Round(10m + (decimal)random.NextDouble() * 40m, 2);
            for (var unit = 0; unit < units; unit++)
                refunds.Add(new RefundItem(order, posted.AddMinutes(unit), "Amazon.com", item.Sku, $"{orderNumber}-{unit}", 1, -principal, "USD"));
            var returnDate = posted.AddDays(random.Next(1, 30));
            var fate = random.Next(1000);
            if (fate < 500 && returns.Count < 20_000)
            {
                var damaged = returns.Count % 50 == 0;
                returns.Add(new CustomerReturnRow(returnDate, order, item.Sku, item.Asin, item.Fnsku, "Product", units, "ONT8",
                    damaged ? "CARRIER_DAMAGED" : "SELLABLE", "UNWANTED_ITEM", "Unit returned to inventory", $"LPN{returns.Count:D9}", ""));
                if (damaged && random.Next(10) < 8)
                    Reimburse(DateOnly.FromDateTime(returnDate.UtcDateTime).AddDays(random.Next(5, 30)), item, "CustomerReturn", units, order);
            }
            else if (fate < 975)
                Reimburse(DateOnly.FromDateTime(returnDate.UtcDateTime).AddDays(random.Next(30, 60)), item, "CustomerReturn", units, order);
        }

        // Inbound losses Amazon paid, to the total of 50,000 reimbursement rows.
        while (reimbursements.Count < 50_000)
            Reimburse(Day(), skus[random.Next(skus.Length)], "Lost_Inbound", random.Next(1, 3));

        // Return orders to the total of 2,000 removal lines, one in twenty short by a unit.
        while (removals.Count < 2_000)
        {
            var item = skus[random.Next(skus.Length)];
            var requested = At(Day());
            var quantity = random.Next(2, 20);
            var shortfall = removals.Count % 20 == 0 ? 1 : 0;
            removals.Add(new RemovalOrderRow(requested, $"RMV{removals.Count:D7}", "Return", "Standard", "Completed", requested.AddDays(15),
                item.Sku, item.Fnsku, "Unsellable", quantity, 0, 0, quantity - shortfall, 0, 0.5m * quantity, "USD"));
        }

        var items = Enumerable.Range(0, 5_000).Select(i =>
        {
            var (fnsku, sku, _) = skus[random.Next(skus.Length)];
            var shipped = random.Next(10, 200);
            return new InboundShipmentItem(shipments[i % shipments.Length].ShipmentId, sku, fnsku, shipped, i % 25 == 0 ? shipped - random.Next(1, 4) : shipped, 12);
        }).ToList();

        var costs = skus.Where((_, i) => i % 2 == 0)
            .Select(s => new CostCatalogEntry(s.Sku, unitCost[s.Fnsku], "USD", "invoice", start.AddDays(-30))).ToList();

        return new SellerData(ledger, reimbursements, returns, removals, shipments, items, refunds, costs);
    }
}
