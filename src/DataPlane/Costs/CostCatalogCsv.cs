using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Costs;

/// <summary>
/// Reads a seller's cost catalog, CSV with the header <c>sku,unitCost,currency,source,effectiveDate</c> (by name, any
/// order, extra columns ignored): a unit cost is a positive invariant decimal, a currency three letters, an effective
/// date yyyy-MM-dd, and a source names the document that proves the cost. Rows that break a rule are rejected with
/// their line number and reason; a missing column rejects the file.
/// </summary>
public static class CostCatalogCsv
{
    public static readonly IReadOnlyList<string> Columns = ["sku", "unitCost", "currency", "source", "effectiveDate"];

    /// <exception cref="ReportFormatException">A required column is missing, or the charset is unknown.</exception>
    public static async Task<ReportParse<CostCatalogEntry>> ParseAsync(Stream csv, string? contentType, CancellationToken cancellationToken)
    {
        var rows = new List<CostCatalogEntry>();
        var rejected = new List<RejectedRow>();
        await foreach (var batch in ParseBatchesAsync(csv, contentType, ReportReadLimits.Default, cancellationToken: cancellationToken))
        {
            rows.AddRange(batch.Rows);
            rejected.AddRange(batch.Rejected);
        }
        return new ReportParse<CostCatalogEntry>(rows, rejected);
    }

    /// <summary>Reads the catalog in batches of at most <paramref name="batchSize"/> rows and rejected lines, so memory stays bounded.</summary>
    /// <exception cref="ReportFormatException">A required column is missing, the charset is unknown, or a line is past the limit.</exception>
    public static async IAsyncEnumerable<ReportParse<CostCatalogEntry>> ParseBatchesAsync(
        Stream csv, string? contentType, ReportReadLimits limits, int batchSize = 50_000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        // Catalogs are written by people and spreadsheets: UTF-8 unless the Content-Type says otherwise (a BOM wins).
        var encoding = contentType?.Contains("charset", StringComparison.OrdinalIgnoreCase) == true ? ReportDocument.EncodingOf(contentType) : Encoding.UTF8;
        using var text = new LineLimitedReader(new StreamReader(csv, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true), limits.MaxLineLength);
        using var reader = await Translate(Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All })
            .FromAsync(text, cancellationToken));
        var missing = Columns.Where(c => !reader.Header.ColNames.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new ReportFormatException($"The cost catalog lacks the column(s) {string.Join(", ", missing)}; its header must name {string.Join(",", Columns)}.");
        var index = Columns.Select(c => reader.Header.ColNames.ToList().FindIndex(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))).ToArray();

        var rows = new List<CostCatalogEntry>();
        var rejected = new List<RejectedRow>();
        while (await Translate(reader.MoveNextAsync(cancellationToken)))
        {
            if (rows.Count + rejected.Count >= batchSize)
            {
                yield return new ReportParse<CostCatalogEntry>(rows, rejected);
                rows = [];
                rejected = [];
            }

            var row = reader.Current;
            if (row.ColCount == 1 && row.Span.IsWhiteSpace())
                continue;
            if (row.ColCount < reader.Header.ColNames.Count)
            {
                rejected.Add(new RejectedRow(row.LineNumberFrom, $"expected {reader.Header.ColNames.Count} fields as in the header, found {row.ColCount}"));
                continue;
            }

            var sku = row[index[0]].ToString();
            var cost = row[index[1]].ToString();
            var currency = row[index[2]].ToString();
            var source = row[index[3]].ToString();
            var effective = row[index[4]].ToString();
            var hasCost = decimal.TryParse(cost, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var unitCost) && unitCost > 0;
            var hasDate = DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveDate);
            var reason =
                sku.Length == 0 ? "sku is empty"
                : !hasCost ? $"unitCost '{cost}' is not a positive decimal such as 4.25"
                : currency.Length != 3 || !currency.All(char.IsAsciiLetter) ? $"currency '{currency}' is not a three-letter code such as USD"
                : source.Length == 0 ? "source is empty: name the document that proves the cost (an invoice number, a file)"
                : !hasDate ? $"effectiveDate '{effective}' is not a date yyyy-MM-dd"
                : null;
            if (reason is null)
                rows.Add(new CostCatalogEntry(sku, unitCost, currency.ToUpperInvariant(), source, effectiveDate));
            else
                rejected.Add(new RejectedRow(row.LineNumberFrom, reason));
        }

        if (rows.Count > 0 || rejected.Count > 0)
            yield return new ReportParse<CostCatalogEntry>(rows, rejected);
    }

    // A quoted field that never closes grows one row past Sep's maximum: a property of the file, not a fault of ours.
    private static async ValueTask<T> Translate<T>(ValueTask<T> read)
    {
        try
        {
            return await read;
        }
        catch (NotSupportedException e)
        {
            throw new ReportFormatException($"The cost catalog has a row longer than can be read (a quote that never closes?): {e.Message}", e);
        }
    }
}
