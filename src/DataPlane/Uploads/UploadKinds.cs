using Opside.DataPlane.Costs;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Uploads;

/// <summary>
/// The documents a seller can upload. A report's rows replace the seller's rows of that report over the span the
/// rows cover (the ledger by whole days, the others by their date column), so uploading the same file twice changes
/// nothing; the cost catalog replaces the whole catalog.
/// </summary>
public static class UploadKinds
{
    /// <summary>The name under which the cost catalog is staged and ingested like a report.</summary>
    public const string CostCatalog = "COST_CATALOG";

    private static readonly Dictionary<string, UploadKind> Reports = new UploadKind[]
    {
        new RowUploadKind<LedgerEvent>(AmazonReports.LedgerDetail.ReportType,
            (d, c, g, l, ct) => AmazonReports.LedgerDetail.ParseBatchesAsync(d, c, g, UploadKind.BatchSize, l, ct),
            r => new UploadRange(Day(r.Date), Day(r.Date.AddDays(1))),
            (store, seller, range, rows, ct) => store.ReplaceLedgerAsync(seller, DateOnly.FromDateTime(range!.Start.UtcDateTime),
                DateOnly.FromDateTime(range.End.UtcDateTime).AddDays(-1), rows, ct)),
        new RowUploadKind<ReimbursementRow>(AmazonReports.Reimbursements.ReportType,
            (d, c, g, l, ct) => AmazonReports.Reimbursements.ParseBatchesAsync(d, c, g, UploadKind.BatchSize, l, ct),
            r => Instant(r.ApprovalDate),
            (store, seller, range, rows, ct) => store.ReplaceReimbursementsAsync(seller, range!.Start, range.End, rows, ct)),
        new RowUploadKind<CustomerReturnRow>(AmazonReports.CustomerReturns.ReportType,
            (d, c, g, l, ct) => AmazonReports.CustomerReturns.ParseBatchesAsync(d, c, g, UploadKind.BatchSize, l, ct),
            r => Instant(r.ReturnDate),
            (store, seller, range, rows, ct) => store.ReplaceCustomerReturnsAsync(seller, range!.Start, range.End, rows, ct)),
        new RowUploadKind<RemovalOrderRow>(AmazonReports.RemovalOrderDetail.ReportType,
            (d, c, g, l, ct) => AmazonReports.RemovalOrderDetail.ParseBatchesAsync(d, c, g, UploadKind.BatchSize, l, ct),
            r => Instant(r.RequestDate),
            (store, seller, range, rows, ct) => store.ReplaceRemovalOrdersAsync(seller, range!.Start, range.End, rows, ct)),
    }.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly UploadKind Costs = new RowUploadKind<CostCatalogEntry>(CostCatalog,
        (d, c, _, l, ct) => CostCatalogCsv.ParseBatchesAsync(d, c, l, UploadKind.BatchSize, ct),
        spanOf: null,
        (store, seller, _, rows, ct) => store.ReplaceCostCatalogAsync(seller, rows, ct));

    /// <summary>The report types a seller can upload.</summary>
    public static IReadOnlyCollection<string> ReportTypes => Reports.Keys;

    /// <summary>The kind for a report type (case-insensitive) or <see cref="CostCatalog"/>, or null.</summary>
    public static UploadKind? For(string name) =>
        string.Equals(name, CostCatalog, StringComparison.Ordinal) ? Costs : Reports.GetValueOrDefault(name.Trim());

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static UploadRange Instant(DateTimeOffset at) => new(at, at.AddTicks(1));
}
