using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Sync;

/// <summary>The sources every sync fetches, and how each report's rows map to its data-plane range.</summary>
internal static class SyncSources
{
    private const int RejectionsShown = 3;

    public static readonly IReadOnlyList<SourceFetcher> All =
    [
        new ReportFetcher<LedgerEvent>(DataSource.Ledger, AmazonReports.LedgerDetail.ReportType, nearRealTime: false, wholeHistoryEachRun: false,
            d => Parse(AmazonReports.LedgerDetail, d),
            r => new DateTimeOffset(r.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            (store, seller, start, end, rows, ct) => store.ReplaceLedgerAsync(seller, Day(start), Day(end.AddTicks(-1)), rows, ct)),
        new ReportFetcher<ReimbursementRow>(DataSource.Reimbursements, AmazonReports.Reimbursements.ReportType, nearRealTime: false, wholeHistoryEachRun: false,
            d => Parse(AmazonReports.Reimbursements, d), r => r.ApprovalDate,
            (store, seller, start, end, rows, ct) => store.ReplaceReimbursementsAsync(seller, start, end, rows, ct)),
        new ReportFetcher<CustomerReturnRow>(DataSource.CustomerReturns, AmazonReports.CustomerReturns.ReportType, nearRealTime: false, wholeHistoryEachRun: false,
            d => Parse(AmazonReports.CustomerReturns, d), r => r.ReturnDate,
            (store, seller, start, end, rows, ct) => store.ReplaceCustomerReturnsAsync(seller, start, end, rows, ct)),
        // Removal orders change status for weeks after they are requested and are few: each run reads them all.
        new ReportFetcher<RemovalOrderRow>(DataSource.RemovalOrders, AmazonReports.RemovalOrderDetail.ReportType, nearRealTime: true, wholeHistoryEachRun: true,
            d => Parse(AmazonReports.RemovalOrderDetail, d), r => r.RequestDate,
            (store, seller, start, end, rows, ct) => store.ReplaceRemovalOrdersAsync(seller, start, end, rows, ct)),
        new InboundFetcher(),
        new RefundsFetcher(),
    ];

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static ParsedDocument<T> Parse<T>(ReportParser<T> parser, DownloadedDocument document)
    {
        var parse = parser.Parse(document.Content, document.ContentType, document.IsGzip);
        var reasons = parse.Rejected.Count == 0 ? null
            : string.Join("; ", parse.Rejected.Take(RejectionsShown).Select(r => $"line {r.Line}: {r.Reason}"));
        return new ParsedDocument<T>(parse.Rows, parse.RejectedCount, reasons);
    }
}
