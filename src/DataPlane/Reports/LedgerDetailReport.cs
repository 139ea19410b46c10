using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Reports;

/// <summary>
/// GET_LEDGER_DETAIL_VIEW_DATA: every field double-quoted, header names with spaces. The columns detection keys on
/// are required; the others (ASIN, Title, Country, the reconciliation quantities and the newer <c>Date and Time</c>
/// and <c>Store</c>) vary by export and are read when present.
/// </summary>
public sealed class LedgerDetailReport : ReportParser<LedgerEvent>
{
    private const int Date = 0;
    private const int Fnsku = 1;
    private const int Asin = 2;
    private const int Msku = 3;
    private const int Title = 4;
    private const int EventType = 5;
    private const int ReferenceId = 6;
    private const int Quantity = 7;
    private const int FulfillmentCenter = 8;
    private const int Disposition = 9;
    private const int Reason = 10;
    private const int Country = 11;
    private const int ReconciledQuantity = 12;
    private const int UnreconciledQuantity = 13;
    private const int DateAndTime = 14;
    private const int Store = 15;

    internal LedgerDetailReport()
        : base(
        [
            new("Date"),
            new("FNSKU", Pooled: true),
            new("ASIN", Required: false, Pooled: true),
            new("MSKU", Pooled: true),
            new("Title", Required: false, Pooled: true),
            new("Event Type", Pooled: true),
            new("Reference ID"),
            new("Quantity"),
            new("Fulfillment Center", Pooled: true),
            new("Disposition", Pooled: true),
            new("Reason", Pooled: true),
            new("Country", Required: false, Pooled: true),
            new("Reconciled Quantity", Required: false),
            new("Unreconciled Quantity", Required: false),
            new("Date and Time", Required: false),
            new("Store", Required: false, Pooled: true),
        ])
    {
    }

    public override string ReportType => "GET_LEDGER_DETAIL_VIEW_DATA";

    public override DataSource Source => DataSource.Ledger;

    private protected override LedgerEvent ParseRow(ReportRow row) => new(
        row.UsDate(Date),
        row.Text(Fnsku),
        row.Text(Asin),
        row.Text(Msku),
        row.Text(Title),
        row.Text(EventType),
        row.Text(ReferenceId),
        row.Int(Quantity),
        row.Text(FulfillmentCenter),
        row.Text(Disposition),
        row.Text(Reason),
        row.Text(Country),
        row.IntOrNull(ReconciledQuantity),
        row.IntOrNull(UnreconciledQuantity),
        row.TimestampOrNull(DateAndTime),
        row.Text(Store));
}
