using System.Globalization;
using Opside.DataPlane.Rows;

namespace Opside.Benchmarks.Ingest;

/// <summary>
/// Deterministic ledger rows shaped like GET_LEDGER_DETAIL_VIEW_DATA: a catalogue of a few thousand FNSKUs with
/// 40–80 character titles, mostly shipments, some receipts, returns and adjustments (only those carry reconciled
/// quantities), Pacific date-times. Text columns share one string per catalogue entry, as a parser's pool would.
/// </summary>
internal static class LedgerRows
{
    private const int Products = 2_000;

    private static readonly string[] FulfillmentCenters = ["PHX7", "ONT8", "LGB8", "MDW2", "TEB9", "ABE8", "SBD1", "CLT2"];
    private static readonly string[] AdjustmentReasons = ["M", "E", "F", "P", "Q", "D", "5", "6"];
    private static readonly string[] TitleWords = ["Acme", "Outdoor", "Tent", "2-Person", "Waterproof", "Green", "Camping", "Ultralight", "Backpacking", "Shelter", "with", "Rainfly", "Stakes", "Pack of 2"];

    public static IReadOnlyList<LedgerEvent> Generate(int count, DateOnly firstDay, DateOnly lastDay, int seed)
    {
        var random = new Random(seed);
        var products = Enumerable.Range(0, Products).Select(i => Product(i, random)).ToArray();
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var rows = new LedgerEvent[count];
        for (var i = 0; i < count; i++)
        {
            var product = products[random.Next(products.Length)];
            var date = firstDay.AddDays(random.Next(days));
            var pacific = new DateTimeOffset(date.Year, date.Month, date.Day, random.Next(24), random.Next(60), random.Next(60), TimeSpan.FromHours(-8));
            var kind = random.Next(100);
            var (eventType, quantity, disposition, reason, reconciled, unreconciled) = kind switch
            {
                < 62 => ("Shipments", -random.Next(1, 4), "SELLABLE", "", (int?)null, (int?)null),
                < 75 => ("Receipts", random.Next(1, 48), "SELLABLE", "", null, null),
                < 85 => ("CustomerReturns", 1, random.Next(3) == 0 ? "CUSTOMER_DAMAGED" : "SELLABLE", "", null, null),
                < 93 => ("WhseTransfers", random.Next(-12, 13), "SELLABLE", "", null, null),
                _ => ("Adjustments", random.Next(-3, 4), random.Next(2) == 0 ? "SELLABLE" : "WAREHOUSE_DAMAGED", AdjustmentReasons[random.Next(AdjustmentReasons.Length)], random.Next(0, 3), random.Next(0, 3)),
            };
            rows[i] = new LedgerEvent(
                date,
                product.Fnsku,
                product.Asin,
                product.Msku,
                product.Title,
                eventType,
                random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                quantity,
                FulfillmentCenters[random.Next(FulfillmentCenters.Length)],
                disposition,
                reason,
                "US",
                reconciled,
                unreconciled,
                pacific,
                "");
        }

        return rows;
    }

    private static (string Fnsku, string Asin, string Msku, string Title) Product(int index, Random random)
    {
        var title = string.Join(' ', Enumerable.Range(0, random.Next(5, 10)).Select(_ => TitleWords[random.Next(TitleWords.Length)]));
        return (
            string.Create(CultureInfo.InvariantCulture, $"X00{index:D7}"),
            string.Create(CultureInfo.InvariantCulture, $"B0{random.Next(10_000_000, 99_999_999)}"),
            string.Create(CultureInfo.InvariantCulture, $"ACME-{index:D5}-{random.Next(100):D2}"),
            title);
    }
}
