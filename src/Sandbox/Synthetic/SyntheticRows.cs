namespace Opside.Sandbox.Synthetic;

/// <summary>One product of the seller. <paramref name="UnitCost"/> is the true manufacturing cost.</summary>
public sealed record SyntheticSku(string Sku, string Fnsku, string Asin, string Title, decimal Price, decimal UnitCost);

/// <summary>A ledger event. <paramref name="Date"/> is Amazon's Pacific calendar day, as printed.</summary>
public sealed record LedgerRow(
    DateOnly Date,
    SyntheticSku Item,
    string EventType,
    string ReferenceId,
    int Quantity,
    string FulfillmentCenter,
    string Disposition,
    string Reason,
    string ReconciledQuantity = "",
    string UnreconciledQuantity = "")
{
    public DateTimeOffset Instant => PacificTime.Midnight(Date);
}

/// <summary>A row of the reimbursements report; a reversal carries <c>Amazon.Found.&lt;ASIN&gt;</c> and the ASIN as its FNSKU.</summary>
public sealed record ReimbursementRow(
    DateTimeOffset ApprovalDate,
    string ReimbursementId,
    string CaseId,
    string OrderId,
    string Reason,
    string Sku,
    string Fnsku,
    string Asin,
    string ProductName,
    decimal AmountPerUnit,
    int QuantityCash,
    int QuantityInventory,
    string OriginalReimbursementId = "",
    string OriginalReimbursementType = "")
{
    public int QuantityTotal => QuantityCash + QuantityInventory;

    public decimal AmountTotal => AmountPerUnit * Math.Abs(QuantityCash);
}

public sealed record CustomerReturnRow(
    DateTimeOffset ReturnDate,
    string OrderId,
    SyntheticSku Item,
    int Quantity,
    string FulfillmentCenter,
    string DetailedDisposition,
    string Reason,
    string Status,
    string LicensePlateNumber,
    string CustomerComments);

public sealed record RemovalOrderRow(
    DateTimeOffset RequestDate,
    string OrderId,
    string OrderType,
    string OrderStatus,
    DateTimeOffset LastUpdatedDate,
    SyntheticSku Item,
    string Disposition,
    int Requested,
    int Cancelled,
    int Disposed,
    int Shipped,
    int InProcess,
    decimal RemovalFee);

public sealed record InboundItem(SyntheticSku Item, int QuantityShipped, int QuantityReceived, int QuantityInCase);

/// <summary>An inbound shipment; <paramref name="LastUpdated"/> drives the DATE_RANGE query.</summary>
public sealed record InboundShipment(
    string ShipmentId,
    string ShipmentName,
    string Status,
    string DestinationFulfillmentCenterId,
    DateTimeOffset LastUpdated,
    IReadOnlyList<InboundItem> Items);

/// <summary>One refund of one order item; <paramref name="Principal"/> is the positive refunded principal for all units.</summary>
public sealed record RefundEvent(
    string OrderId,
    DateTimeOffset PostedDate,
    SyntheticSku Item,
    string OrderAdjustmentItemId,
    int Quantity,
    decimal Principal);

/// <summary>A row of the seller's cost catalog CSV.</summary>
public sealed record CostRow(string Sku, decimal UnitCost, string Currency, string Source, DateOnly EffectiveDate);
