using Opside.DataPlane.Rows;

namespace Opside.Detection;

/// <summary>A seller account's data-plane rows and cost catalog: everything detection reads. Rows in any order.</summary>
/// <param name="Ledger">
/// Every ledger row; or, for a large seller, only the event types detection reads (<see cref="LedgerCodes.EventTypesRead"/>)
/// with <paramref name="LedgerFnskuByMsku"/> standing for the rest.
/// </param>
/// <param name="LedgerFnskuByMsku">
/// Each MSKU of the whole ledger and the FNSKU of its first row (by date); null when <paramref name="Ledger"/> holds every
/// row in that order, from which detection then finds it.
/// </param>
public sealed record SellerData(
    IReadOnlyList<LedgerEvent> Ledger,
    IReadOnlyList<ReimbursementRow> Reimbursements,
    IReadOnlyList<CustomerReturnRow> CustomerReturns,
    IReadOnlyList<RemovalOrderRow> RemovalOrders,
    IReadOnlyList<InboundShipment> Shipments,
    IReadOnlyList<InboundShipmentItem> ShipmentItems,
    IReadOnlyList<RefundItem> Refunds,
    IReadOnlyList<CostCatalogEntry> CostCatalog,
    IReadOnlyDictionary<string, string>? LedgerFnskuByMsku = null)
{
    public static SellerData Empty { get; } = new([], [], [], [], [], [], [], []);
}
