using System.Globalization;
using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>
/// Source rows printed back as the source prints them (the ledger's MM/DD/YYYY Date, ISO timestamps, amounts with
/// their own decimals), keyed by the source's column names so a person can find the row in Seller Central.
/// </summary>
internal static class EvidenceRows
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static EvidenceRow Ledger(LedgerEvent r) => new(EvidenceSources.LedgerReport, new Dictionary<string, string>
    {
        ["Date"] = r.Date.ToString("MM/dd/yyyy", Invariant),
        ["FNSKU"] = r.Fnsku,
        ["ASIN"] = r.Asin,
        ["MSKU"] = r.Msku,
        ["Title"] = r.Title,
        ["Event Type"] = r.EventType,
        ["Reference ID"] = r.ReferenceId,
        ["Quantity"] = Int(r.Quantity),
        ["Fulfillment Center"] = r.FulfillmentCenter,
        ["Disposition"] = r.Disposition,
        ["Reason"] = r.Reason,
        ["Country"] = r.Country,
        ["Reconciled Quantity"] = r.ReconciledQuantity is { } reconciled ? Int(reconciled) : "",
        ["Unreconciled Quantity"] = r.UnreconciledQuantity is { } unreconciled ? Int(unreconciled) : "",
        ["Date and Time"] = r.DateAndTime is { } at ? at.ToString("yyyy-MM-dd'T'HH:mm:ss", Invariant) + LedgerOffset(at.Offset) : "",
        ["Store"] = r.Store,
    });

    public static EvidenceRow Reimbursement(ReimbursementRow r) => new(EvidenceSources.ReimbursementsReport, new Dictionary<string, string>
    {
        ["approval-date"] = Timestamp(r.ApprovalDate),
        ["reimbursement-id"] = r.ReimbursementId,
        ["case-id"] = r.CaseId,
        ["amazon-order-id"] = r.AmazonOrderId,
        ["reason"] = r.Reason,
        ["sku"] = r.Sku,
        ["fnsku"] = r.Fnsku,
        ["asin"] = r.Asin,
        ["product-name"] = r.ProductName,
        ["condition"] = r.Condition,
        ["currency-unit"] = r.Currency,
        ["amount-per-unit"] = Amount(r.AmountPerUnit),
        ["amount-total"] = Amount(r.AmountTotal),
        ["quantity-reimbursed-cash"] = Int(r.QuantityReimbursedCash),
        ["quantity-reimbursed-inventory"] = Int(r.QuantityReimbursedInventory),
        ["quantity-reimbursed-total"] = Int(r.QuantityReimbursedTotal),
        ["original-reimbursement-id"] = r.OriginalReimbursementId,
        ["original-reimbursement-type"] = r.OriginalReimbursementType,
    });

    public static EvidenceRow Return(CustomerReturnRow r) => new(EvidenceSources.ReturnsReport, new Dictionary<string, string>
    {
        ["return-date"] = Timestamp(r.ReturnDate),
        ["order-id"] = r.OrderId,
        ["sku"] = r.Sku,
        ["asin"] = r.Asin,
        ["fnsku"] = r.Fnsku,
        ["product-name"] = r.ProductName,
        ["quantity"] = Int(r.Quantity),
        ["fulfillment-center-id"] = r.FulfillmentCenterId,
        ["detailed-disposition"] = r.DetailedDisposition,
        ["reason"] = r.Reason,
        ["status"] = r.Status,
        ["license-plate-number"] = r.LicensePlateNumber,
        ["customer-comments"] = r.CustomerComments,
    });

    public static EvidenceRow Removal(RemovalOrderRow r) => new(EvidenceSources.RemovalReport, new Dictionary<string, string>
    {
        ["request-date"] = Timestamp(r.RequestDate),
        ["order-id"] = r.OrderId,
        ["order-type"] = r.OrderType,
        ["service-speed"] = r.ServiceSpeed,
        ["order-status"] = r.OrderStatus,
        ["last-updated-date"] = Timestamp(r.LastUpdatedDate),
        ["sku"] = r.Sku,
        ["fnsku"] = r.Fnsku,
        ["disposition"] = r.Disposition,
        ["requested-quantity"] = Int(r.RequestedQuantity),
        ["cancelled-quantity"] = Int(r.CancelledQuantity),
        ["disposed-quantity"] = Int(r.DisposedQuantity),
        ["shipped-quantity"] = Int(r.ShippedQuantity),
        ["in-process-quantity"] = Int(r.InProcessQuantity),
        ["removal-fee"] = r.RemovalFee is { } fee ? Amount(fee) : "",
        ["currency"] = r.Currency,
    });

    public static EvidenceRow ShipmentItem(InboundShipment shipment, InboundShipmentItem item) => new(EvidenceSources.InboundShipmentItems, new Dictionary<string, string>
    {
        ["ShipmentId"] = item.ShipmentId,
        ["ShipmentStatus"] = shipment.ShipmentStatus,
        ["SellerSKU"] = item.SellerSku,
        ["FulfillmentNetworkSKU"] = item.FulfillmentNetworkSku,
        ["QuantityShipped"] = Int(item.QuantityShipped),
        ["QuantityReceived"] = Int(item.QuantityReceived),
    });

    public static EvidenceRow Refund(RefundItem r) => new(EvidenceSources.FinancialEvents, new Dictionary<string, string>
    {
        ["AmazonOrderId"] = r.AmazonOrderId,
        ["PostedDate"] = r.PostedDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
        ["MarketplaceName"] = r.MarketplaceName,
        ["SellerSKU"] = r.SellerSku,
        ["OrderAdjustmentItemId"] = r.OrderAdjustmentItemId,
        ["QuantityShipped"] = Int(r.QuantityShipped),
        ["Principal"] = Amount(r.Principal),
        ["CurrencyCode"] = r.Currency,
    });

    public static EvidenceRow Cost(CostCatalogEntry c) => new(EvidenceSources.CostCatalog, new Dictionary<string, string>
    {
        ["sku"] = c.Sku,
        ["unitCost"] = Amount(c.UnitCost),
        ["currency"] = c.Currency,
        ["source"] = c.Source,
        ["effectiveDate"] = c.EffectiveDate.ToString("yyyy-MM-dd", Invariant),
    });

    private static string Int(int value) => value.ToString(Invariant);

    private static string Amount(decimal value) => value.ToString(Invariant);

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant);

    // The ledger prints its offset without a colon: 2026-07-06T00:00:00-0700.
    private static string LedgerOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", Invariant);
}
