namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Row counts per source over the history a client syncs (the 18 months before the as-of day, Amazon's ledger
/// horizon, applied to every source), to compare with what a client stored. Older rows exist (e.g. the
/// pre-2025-03-10 underpayment decoy) and are served when asked for, but are not counted here.
/// </summary>
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
        seller.Reimbursements.Count(r => InHistory(seller, r.ApprovalDate)),
        seller.Returns.Count(r => InHistory(seller, r.ReturnDate)),
        seller.RemovalOrders.Count(r => InHistory(seller, r.RequestDate)),
        seller.Shipments.Count,
        seller.Shipments.Sum(s => s.Items.Count),
        seller.Refunds.Count(r => InHistory(seller, r.PostedDate)),
        seller.Refunds.Count(r => InHistory(seller, r.PostedDate)), // one adjustment item per refund event
        seller.Costs.Count,
        seller.Labels.Claims.Count,
        seller.Labels.Decoys.Count,
        seller.Labels.NeedsReview.Count);

    private static bool InHistory(SyntheticSeller seller, DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) >= seller.HistoryStart;
}
