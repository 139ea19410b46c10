namespace Opside.DataPlane.Rows;

/// <summary>
/// One row of GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: the current observation of a removal or disposal
/// order line (quantities are cumulative). <c>ServiceSpeed</c> is empty in exports that lack the column.
/// </summary>
public sealed record RemovalOrderRow(
    DateTimeOffset RequestDate,
    string OrderId,
    string OrderType,
    string ServiceSpeed,
    string OrderStatus,
    DateTimeOffset LastUpdatedDate,
    string Sku,
    string Fnsku,
    string Disposition,
    int RequestedQuantity,
    int CancelledQuantity,
    int DisposedQuantity,
    int ShippedQuantity,
    int InProcessQuantity,
    decimal? RemovalFee,
    string Currency);
