using Opside.DataPlane.Rows;

namespace Opside.Detection;

/// <summary>A seller account's data-plane rows and cost catalog: everything detection reads. Rows in any order.</summary>
public sealed record SellerData(
    IReadOnlyList<LedgerEvent> Ledger,
    IReadOnlyList<ReimbursementRow> Reimbursements,
    IReadOnlyList<CustomerReturnRow> CustomerReturns,
    IReadOnlyList<RemovalOrderRow> RemovalOrders,
    IReadOnlyList<InboundShipment> Shipments,
    IReadOnlyList<InboundShipmentItem> ShipmentItems,
    IReadOnlyList<RefundItem> Refunds,
    IReadOnlyList<CostCatalogEntry> CostCatalog)
{
    public static SellerData Empty { get; } = new([], [], [], [], [], [], [], []);
}
