namespace Opside.Sandbox.Synthetic;

/// <summary>Row counts per source over everything the sandbox serves for a seller, to compare with what a client stored.</summary>
public sealed record SellerSummary(
    string SellingPartnerId,
    DateOnly AsOf,
    DateOnly HistoryStart,
    int Skus,
    int LedgerRows,
    int ReimbursementRows,
    int ReturnRows,
    int RemovalOrderRows,
    int InboundShipments,
    int InboundShipmentItems,
    int RefundEvents,
    int RefundItems,
    int CostCatalogRows,
    int ExpectedClaims,
    int Decoys,
    int NeedsReview)
{
    public static SellerSummary Of(SyntheticSeller seller) => new(
        seller.SellingPartnerId,
        seller.AsOf,
        seller.HistoryStart,
        seller.Skus.Count,
        seller.Ledger.Count(r => r.Date >= seller.HistoryStart),
        seller.Reimbursements.Count,
        seller.Returns.Count,
        seller.RemovalOrders.Count,
        seller.Shipments.Count,
        seller.Shipments.Sum(s => s.Items.Count),
        seller.Refunds.Count,
        seller.Refunds.Count, // one adjustment item per refund event
        seller.Costs.Count,
        seller.Labels.Claims.Count,
        seller.Labels.Decoys.Count,
        seller.Labels.NeedsReview.Count);
}
