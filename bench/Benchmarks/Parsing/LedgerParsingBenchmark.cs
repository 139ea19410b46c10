using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;

namespace Opside.Benchmarks.Parsing;

/// <summary>
/// GET_LEDGER_DETAIL_VIEW_DATA from bytes to <see cref="LedgerEvent"/> rows: one million quoted rows over 200 FNSKUs,
/// the 16 standard columns, as a seller's 18-month ledger download would be. Results in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class LedgerParsingBenchmark
{
    private const string ContentType = "text/plain;charset=UTF-8";

    private byte[] _document = [];
    private byte[] _gzipDocument = [];

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = LedgerDocument.Generate(Rows, seed: 20260306);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(_document);
        }
        _gzipDocument = compressed.ToArray();
        // Fail here rather than measure a parser that drops rows.
        var check = AmazonReports.LedgerDetail.Parse(_document, ContentType, gzipDeclared: false);
        if (check.Rows.Count != Rows || check.Rejected.Count != 0)
        {
            throw new InvalidOperationException($"Expected {Rows} rows, parsed {check.Rows.Count} with {check.Rejected.Count} rejected.");
        }
        Console.WriteLine($"// Ledger document: {_document.Length:N0} bytes, gzip {_gzipDocument.Length:N0} bytes");
    }

    [Benchmark(Baseline = true)]
    public int Plain() => AmazonReports.LedgerDetail.Parse(_document, ContentType, gzipDeclared: false).Rows.Count;

    [Benchmark]
    public int Gzipped() => AmazonReports.LedgerDetail.Parse(_gzipDocument, ContentType, gzipDeclared: true).Rows.Count;
}

/// <summary>A realistic ledger document: quoted, Pacific-midnight timestamps, the research note's event mix.</summary>
internal static class LedgerDocument
{
    private static readonly string[] Header =
    [
        "Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center",
        "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time", "Store",
    ];

    private static readonly string[] Centers = ["ONT8", "MDW2", "PHX7", "LGB8", "BFI4", "DTM2", "SBD1", "TEB9", "CLT2", "MEM1", "IND9", "FTW1"];
    private static readonly string[] Words =
    [
        "Acme", "Widget", "Stainless", "Steel", "Water", "Bottle", "Insulated", "Kitchen", "Organizer", "Premium", "Set", "of", "2",
        "Black", "Red", "Large", "Compact", "Travel", "Leak-Proof", "BPA-Free", "Bamboo", "Cutting", "Board", "with", "Juice", "Groove",
        "Wireless", "Charger", "Pad", "Fast", "Charging", "Compatible", "Ergonomic", "Office", "Chair", "Cushion", "Memory", "Foam",
    ];
    private static readonly string[] AdjustmentReasons = ["M", "F", "E", "P", "5", "O", "N", "Q", "D", "6", "H", "K"];

    public static byte[] Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var products = Enumerable.Range(0, 200).Select(i => Product(random, i)).ToArray();
        var start = new DateOnly(2025, 1, 1);
        var text = new StringBuilder(rows * 230);
        AppendQuoted(text, Header);
        var fields = new string[Header.Length];
        var referenceId = 13_895_071_006L;
        for (var i = 0; i < rows; i++)
        {
            var product = products[random.Next(products.Length)];
            var day = start.AddDays(i * 540 / rows);
            var pdt = day >= new DateOnly(day.Year, 3, 8) && day < new DateOnly(day.Year, 11, 1);
            var roll = random.Next(100);
            var (eventType, reference, quantity, reason) = roll switch
            {
                < 70 => ("Shipments", "", -1 - random.Next(2), ""),
                < 78 => ("Receipts", $"FBA17{random.Next(100_000):D5}AB", 12 * (1 + random.Next(20)), ""),
                < 85 => ("CustomerReturns", $"11{random.Next(10)}-{random.Next(10_000_000):D7}-{random.Next(10_000_000):D7}", 1, ""),
                < 97 => ("Adjustments", (referenceId += 1 + random.Next(50)).ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? -1 : 1,
                    AdjustmentReasons[random.Next(AdjustmentReasons.Length)]),
                _ => ("WhseTransfers", (referenceId += 1 + random.Next(50)).ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? -3 : 3, ""),
            };
            var lost = reason is "M" or "5";
            var reconciled = lost ? random.Next(-quantity + 1) : 0;
            fields[0] = day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
            fields[1] = product.Fnsku;
            fields[2] = product.Asin;
            fields[3] = product.Msku;
            fields[4] = product.Title;
            fields[5] = eventType;
            fields[6] = reference;
            fields[7] = quantity.ToString(CultureInfo.InvariantCulture);
            fields[8] = Centers[random.Next(Centers.Length)];
            fields[9] = random.Next(50) == 0 ? "CUSTOMER_DAMAGED" : "SELLABLE";
            fields[10] = reason;
            fields[11] = "US";
            fields[12] = lost ? reconciled.ToString(CultureInfo.InvariantCulture) : "";
            fields[13] = lost ? (-quantity - reconciled).ToString(CultureInfo.InvariantCulture) : "";
            fields[14] = $"{day:yyyy-MM-dd}T00:00:00{(pdt ? "-0700" : "-0800")}";
            fields[15] = "";
            AppendQuoted(text, fields);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static (string Fnsku, string Asin, string Msku, string Title) Product(Random random, int index)
    {
        const string Alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        string Code(int length) => new([.. Enumerable.Range(0, length).Select(_ => Alnum[random.Next(Alnum.Length)])]);
        var asin = $"B0{Code(8)}";
        var title = string.Join(' ', Enumerable.Range(0, 5 + random.Next(16)).Select(_ => Words[random.Next(Words.Length)]));
        return ($"X00{Code(7)}", asin, $"AC-{index:D4}-{Code(3)}", title);
    }

    private static void AppendQuoted(StringBuilder text, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            text.Append(i == 0 ? "\"" : "\t\"").Append(fields[i]).Append('"');
        }
        text.Append('\n');
    }
}
