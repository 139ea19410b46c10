using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Reports;

/// <summary>
/// GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA, with or without <c>service-speed</c> (mostly UK stores have it)
/// and with the older <c>order-source</c> column ignored. An empty <c>removal-fee</c> is null.
/// </summary>
public sealed class RemovalOrderDetailReport : ReportParser<RemovalOrderRow>
{
    private const int RequestDate = 0;
    private const int OrderId = 1;
    private const int OrderType = 2;
    private const int ServiceSpeed = 3;
    private const int OrderStatus = 4;
    private const int LastUpdatedDate = 5;
    private const int Sku = 6;
    private const int Fnsku = 7;
    private const int Disposition = 8;
    private const int RequestedQuantity = 9;
    private const int CancelledQuantity = 10;
    private const int DisposedQuantity = 11;
    private const int ShippedQuantity = 12;
    private const int InProcessQuantity = 13;
    private const int RemovalFee = 14;
    private const int Currency = 15;

    internal RemovalOrderDetailReport()
        : base(
        [
            new("request-date"),
            new("order-id"),
            new("order-type", Pooled: true),
            new("service-speed", Required: false, Pooled: true),
            new("order-status", Pooled: true),
            new("last-updated-date"),
            new("sku", Pooled: true),
            new("fnsku", Pooled: true),
            new("disposition", Required: false, Pooled: true),
            new("requested-quantity"),
            new("cancelled-quantity"),
            new("disposed-quantity"),
            new("shipped-quantity"),
            new("in-process-quantity"),
            new("removal-fee", Required: false),
            new("currency", Required: false, Pooled: true),
        ])
    {
    }

    public override string ReportType => "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA";

    public override DataSource Source => DataSource.RemovalOrders;

    private protected override RemovalOrderRow ParseRow(ReportRow row) => new(
        row.Timestamp(RequestDate),
        row.Text(OrderId),
        row.Text(OrderType),
        row.Text(ServiceSpeed),
        row.Text(OrderStatus),
        row.Timestamp(LastUpdatedDate),
        row.Text(Sku),
        row.Text(Fnsku),
        row.Text(Disposition),
        row.Int(RequestedQuantity),
        row.Int(CancelledQuantity),
        row.Int(DisposedQuantity),
        row.Int(ShippedQuantity),
        row.Int(InProcessQuantity),
        row.AmountOrNull(RemovalFee),
        row.Text(Currency));
}
