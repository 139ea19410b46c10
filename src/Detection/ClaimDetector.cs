using Opside.Detection.Rules;
using Opside.Detection.Shared;

namespace Opside.Detection;

/// <summary>
/// Finds what Amazon owes a seller under docs/claim-rules.md v1.1: a pure function of the seller's rows, cost catalog,
/// policy, settings and the as-of day (no I/O, no clock), so the same input always gives the same claims and ids.
/// </summary>
public static class ClaimDetector
{
    /// <param name="sellerId">Part of every claim id.</param>
    /// <param name="asOf">Today's UTC date: decides each claim's status and which payments the median sees.</param>
    public static DetectionResult Detect(string sellerId, SellerData data, DetectionPolicy policy, SellerDetectionSettings settings, DateOnly asOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellerId);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(settings);

        var context = new DetectionContext(sellerId, data, policy, settings, asOf);
        WarehouseLostRule.Detect(context);
        WarehouseDamagedRule.Detect(context);
        UnauthorizedDisposalRule.Detect(context);
        CustomerReturnNotReceivedRule.Detect(context);
        ReturnDamagedInTransitRule.Detect(context);
        InboundShortageRule.Detect(context);
        RemovalShortfallRule.Detect(context);
        UnderpaidReimbursementRule.Detect(context);

        context.Claims.Sort((a, b) =>
        {
            var c = a.Type.CompareTo(b.Type);
            if (c == 0)
            {
                c = a.AnchorDate.CompareTo(b.AnchorDate);
            }
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        });
        context.NeedsReview.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.ShipmentId, b.ShipmentId);
            return c != 0 ? c : string.CompareOrdinal(a.Fnsku, b.Fnsku);
        });
        return new DetectionResult(context.Claims, context.NeedsReview);
    }
}
