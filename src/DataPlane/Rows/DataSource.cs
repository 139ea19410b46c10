namespace Opside.DataPlane.Rows;

/// <summary>The Amazon sources a seller's data plane holds, one table each.</summary>
public enum DataSource
{
    Ledger,
    Reimbursements,
    CustomerReturns,
    RemovalOrders,
    InboundShipments,
    Refunds,
}
