using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Reports;

/// <summary>
/// GET_FBA_REIMBURSEMENTS_DATA: unquoted; product names carry commas, parentheses and inch marks; the last row may
/// end without a newline. Reversal rows (<c>Amazon.Found.&lt;ASIN&gt;</c> as SKU, the ASIN as FNSKU, negative
/// amounts, −1 cash / +1 inventory) are ordinary rows here.
/// </summary>
public sealed class ReimbursementsReport : ReportParser<ReimbursementRow>
{
    private const int ApprovalDate = 0;
    private const int ReimbursementId = 1;
    private const int CaseId = 2;
    private const int AmazonOrderId = 3;
    private const int Reason = 4;
    private const int Sku = 5;
    private const int Fnsku = 6;
    private const int Asin = 7;
    private const int ProductName = 8;
    private const int Condition = 9;
    private const int Currency = 10;
    private const int AmountPerUnit = 11;
    private const int AmountTotal = 12;
    private const int QuantityCash = 13;
    private const int QuantityInventory = 14;
    private const int QuantityTotal = 15;
    private const int OriginalReimbursementId = 16;
    private const int OriginalReimbursementType = 17;

    internal ReimbursementsReport()
        : base(
        [
            new("approval-date"),
            new("reimbursement-id"),
            new("case-id"),
            new("amazon-order-id"),
            new("reason", Pooled: true),
            new("sku", Pooled: true),
            new("fnsku", Pooled: true),
            new("asin", Required: false, Pooled: true),
            new("product-name", Required: false, Pooled: true),
            new("condition", Required: false, Pooled: true),
            new("currency-unit", Pooled: true),
            new("amount-per-unit"),
            new("amount-total"),
            new("quantity-reimbursed-cash"),
            new("quantity-reimbursed-inventory"),
            new("quantity-reimbursed-total"),
            new("original-reimbursement-id"),
            new("original-reimbursement-type", Pooled: true),
        ])
    {
    }

    public override string ReportType => "GET_FBA_REIMBURSEMENTS_DATA";

    public override DataSource Source => DataSource.Reimbursements;

    private protected override ReimbursementRow ParseRow(ReportRow row) => new(
        row.Timestamp(ApprovalDate),
        row.Text(ReimbursementId),
        row.Text(CaseId),
        row.Text(AmazonOrderId),
        row.Text(Reason),
        row.Text(Sku),
        row.Text(Fnsku),
        row.Text(Asin),
        row.Text(ProductName),
        row.Text(Condition),
        row.Text(Currency),
        row.Amount(AmountPerUnit),
        row.Amount(AmountTotal),
        row.Int(QuantityCash),
        row.Int(QuantityInventory),
        row.Int(QuantityTotal),
        row.Text(OriginalReimbursementId),
        row.Text(OriginalReimbursementType));
}
