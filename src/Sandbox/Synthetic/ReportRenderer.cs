using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Opside.Sandbox.Synthetic;

/// <summary>A report document as served: the bytes (gzipped or not), its Content-Type and how many data rows it holds.</summary>
public sealed record RenderedDocument(byte[] Content, string ContentType, bool Gzip, int Rows);

/// <summary>Renders a seller's rows within a range in Amazon's formats for the four report types the sandbox serves.</summary>
public static class ReportRenderer
{
    public const string Ledger = "GET_LEDGER_DETAIL_VIEW_DATA";
    public const string ReimbursementsReport = "GET_FBA_REIMBURSEMENTS_DATA";
    public const string ReturnsReport = "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA";
    public const string RemovalOrders = "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA";

    public static readonly IReadOnlyList<string> ReportTypes = [Ledger, ReimbursementsReport, ReturnsReport, RemovalOrders];

    public static readonly IReadOnlyList<string> LedgerHeader =
        ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time", "Store"];

    public static readonly IReadOnlyList<string> ReimbursementsHeader =
        ["approval-date", "reimbursement-id", "case-id", "amazon-order-id", "reason", "sku", "fnsku", "asin", "product-name", "condition", "currency-unit", "amount-per-unit", "amount-total", "quantity-reimbursed-cash", "quantity-reimbursed-inventory", "quantity-reimbursed-total", "original-reimbursement-id", "original-reimbursement-type"];

    public static readonly IReadOnlyList<string> ReturnsHeader =
        ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id", "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"];

    public static readonly IReadOnlyList<string> RemovalOrdersHeader =
        ["request-date", "order-id", "order-type", "service-speed", "order-status", "last-updated-date", "sku", "fnsku", "disposition", "requested-quantity", "cancelled-quantity", "disposed-quantity", "shipped-quantity", "in-process-quantity", "removal-fee", "currency"];

    /// <summary>A column Amazon's documentation does not list, present in some ledger documents.</summary>
    public const string UnknownLedgerColumn = "Business Unit";

    public static bool IsNearRealTime(string reportType) => reportType == RemovalOrders;

    /// <summary>The text of a report (before encoding and compression), and its data row count.</summary>
    public static (string Text, int Rows) RenderText(SyntheticSeller seller, string reportType, DateTimeOffset start, DateTimeOffset end, DocumentQuirks quirks)
    {
        bool In(DateTimeOffset at) => at >= start && at <= end;
        List<IReadOnlyList<string>> rows;
        IReadOnlyList<string> header;
        var quoted = false;
        switch (reportType)
        {
            case Ledger:
                quoted = true;
                header = LedgerHeader;
                rows = [.. seller.Ledger.Where(r => r.Date >= seller.HistoryStart && In(r.Instant)).Select(LedgerFields)];
                if (quirks.ExtraColumn)
                {
                    header = [.. header.Take(10), UnknownLedgerColumn, .. header.Skip(10)];
                    rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Take(10), "FBA", .. r.Skip(10)])];
                }

                break;
            case ReimbursementsReport:
                header = ReimbursementsHeader;
                rows = [.. seller.Reimbursements.Where(r => In(r.ApprovalDate)).Select(ReimbursementFields)];
                break;
            case ReturnsReport:
                header = ReturnsHeader;
                rows = [.. seller.Returns.Where(r => In(r.ReturnDate)).Select(ReturnFields)];
                break;
            case RemovalOrders:
                header = RemovalOrdersHeader;
                rows = [.. seller.RemovalOrders.Where(r => In(r.RequestDate)).Select(RemovalFields)];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reportType), reportType, "Not a report type the sandbox serves.");
        }

        var newline = quirks.Crlf ? "\r\n" : "\n";
        var text = new StringBuilder();
        foreach (var line in rows.Prepend(header))
        {
            text.AppendJoin('\t', quoted ? line.Select(f => '"' + f + '"') : line).Append(newline);
        }

        // Real reimbursement exports sometimes end without a newline after the last row.
        if (reportType == ReimbursementsReport && !quirks.FinalNewline)
            text.Length -= newline.Length;
        return (text.ToString(), rows.Count);
    }

    public static RenderedDocument Render(SyntheticSeller seller, string reportType, DateTimeOffset start, DateTimeOffset end)
    {
        var quirks = DocumentQuirks.For(seller.SellingPartnerId, reportType, start, end);
        var (text, rows) = RenderText(seller, reportType, start, end, quirks);
        var bytes = quirks.Encode(text);
        if (quirks.Gzip)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
                gzip.Write(bytes);
            bytes = buffer.ToArray();
        }

        return new RenderedDocument(bytes, quirks.ContentType, quirks.Gzip, rows);
    }

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] LedgerFields(LedgerRow r)
    {
        var offset = PacificTime.OffsetAtMidnight(r.Date);
        var dateAndTime = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00-" + (-offset).ToString("hhmm", CultureInfo.InvariantCulture);
        return [r.Date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), r.Item.Fnsku, r.Item.Asin, r.Item.Sku, r.Item.Title, r.EventType, r.ReferenceId,
            Int(r.Quantity), r.FulfillmentCenter, r.Disposition, r.Reason, "US", r.ReconciledQuantity, r.UnreconciledQuantity, dateAndTime, ""];
    }

    private static string[] ReimbursementFields(ReimbursementRow r) =>
        [Iso(r.ApprovalDate), r.ReimbursementId, r.CaseId, r.OrderId, r.Reason, r.Sku, r.Fnsku, r.Asin, r.ProductName, "NewItem", SyntheticSeller.Currency,
            Number(r.AmountPerUnit), Number(r.AmountTotal), Int(r.QuantityCash), Int(r.QuantityInventory), Int(r.QuantityTotal), r.OriginalReimbursementId, r.OriginalReimbursementType];

    private static string[] ReturnFields(CustomerReturnRow r) =>
        [Iso(r.ReturnDate), r.OrderId, r.Item.Sku, r.Item.Asin, r.Item.Fnsku, r.Item.Title, Int(r.Quantity), r.FulfillmentCenter, r.DetailedDisposition, r.Reason, r.Status, r.LicensePlateNumber, r.CustomerComments];

    private static string[] RemovalFields(RemovalOrderRow r) =>
        [Iso(r.RequestDate), r.OrderId, r.OrderType, "Standard", r.OrderStatus, Iso(r.LastUpdatedDate), r.Item.Sku, r.Item.Fnsku, r.Disposition, Int(r.Requested),
            Int(r.Cancelled), Int(r.Disposed), Int(r.Shipped), Int(r.InProcess), Number(r.RemovalFee), SyntheticSeller.Currency];
}
