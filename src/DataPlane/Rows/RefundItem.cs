namespace Opside.DataPlane.Rows;

/// <summary>
/// One item of a Finances v0 refund event (<c>RefundEventList[].ShipmentItemAdjustmentList[]</c>), with its
/// order and posting time. <c>Principal</c> is the sum of the item's <c>Principal</c> charge adjustments (negative
/// for a refund); <c>QuantityShipped</c> is the refunded quantity.
/// </summary>
public sealed record RefundItem(
    string AmazonOrderId,
    DateTimeOffset PostedDate,
    string MarketplaceName,
    string SellerSku,
    string OrderAdjustmentItemId,
    int QuantityShipped,
    decimal Principal,
    string Currency);
