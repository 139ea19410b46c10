using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Reports;

/// <summary>
/// GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: unquoted; <c>customer-comments</c> is free text, the reason these
/// documents are often windows-1252.
/// </summary>
public sealed class CustomerReturnsReport : ReportParser<CustomerReturnRow>
{
    private const int ReturnDate = 0;
    private const int OrderId = 1;
    private const int Sku = 2;
    private const int Asin = 3;
    private const int Fnsku = 4;
    private const int ProductName = 5;
    private const int Quantity = 6;
    private const int FulfillmentCenterId = 7;
    private const int DetailedDisposition = 8;
    private const int Reason = 9;
    private const int Status = 10;
    private const int LicensePlateNumber = 11;
    private const int CustomerComments = 12;

    internal CustomerReturnsReport()
        : base(
        [
            new("return-date"),
            new("order-id"),
            new("sku", Pooled: true),
            new("asin", Required: false, Pooled: true),
            new("fnsku", Pooled: true),
            new("product-name", Required: false, Pooled: true),
            new("quantity"),
            new("fulfillment-center-id", Required: false, Pooled: true),
            new("detailed-disposition", Pooled: true),
            new("reason", Required: false, Pooled: true),
            new("status", Required: false, Pooled: true),
            new("license-plate-number", Required: false),
            new("customer-comments", Required: false),
        ])
    {
    }

    public override string ReportType => "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA";

    public override DataSource Source => DataSource.CustomerReturns;

    private protected override CustomerReturnRow ParseRow(ReportRow row) => new(
        row.Timestamp(ReturnDate),
        row.Text(OrderId),
        row.Text(Sku),
        row.Text(Asin),
        row.Text(Fnsku),
        row.Text(ProductName),
        row.Int(Quantity),
        row.Text(FulfillmentCenterId),
        row.Text(DetailedDisposition),
        row.Text(Reason),
        row.Text(Status),
        row.Text(LicensePlateNumber),
        row.Text(CustomerComments));
}
