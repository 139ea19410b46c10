namespace Opside.Sandbox.Synthetic;

/// <summary>How much background activity a synthetic seller has. Planted discrepancies are the same at every scale.</summary>
public enum SellerScale
{
    /// <summary>20 background SKUs (about 70 with the plants) and about 3,300 ledger rows over 18 months: for tests.</summary>
    Small,

    /// <summary>100 background SKUs (about 150 with the plants) and about 24,000 ledger rows: for demos and local runs.</summary>
    Demo,
}

/// <summary>The ground truth of one synthetic seller: every event Amazon would report, the cost catalog, and the labels.</summary>
public sealed record SyntheticSeller(
    string SellingPartnerId,
    DateOnly AsOf,
    SellerScale Scale,
    IReadOnlyList<SyntheticSku> Skus,
    IReadOnlyList<LedgerRow> Ledger,
    IReadOnlyList<ReimbursementRow> Reimbursements,
    IReadOnlyList<CustomerReturnRow> Returns,
    IReadOnlyList<RemovalOrderRow> RemovalOrders,
    IReadOnlyList<InboundShipment> Shipments,
    IReadOnlyList<RefundEvent> Refunds,
    IReadOnlyList<CostRow> Costs,
    SellerLabels Labels)
{
    public const string Currency = "USD";
    public const string MarketplaceId = "ATVPDKIKX0DER";

    /// <summary>The ledger keeps 18 months.</summary>
    public DateOnly HistoryStart => AsOf.AddMonths(-18);
}
