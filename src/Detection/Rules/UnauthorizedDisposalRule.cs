using Opside.DataPlane.Rows;
using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// UnauthorizedDisposal: lots of D disposals per FNSKU and ledger Date, covered (resolved detail 4) by the seller's
/// Disposal orders for that FNSKU, any status: lots oldest first, each taking the disposed-quantity of orders
/// requested on or before its date, oldest order first; cover an order does not use stays for later lots. The
/// uncovered units are claimed.
/// </summary>
internal static class UnauthorizedDisposalRule
{
    public static void Detect(DetectionContext context)
    {
        Dictionary<string, List<RemovalOrderRow>>? ordersByFnsku = null;
        foreach (var (fnsku, adjustments) in context.Ledger.ByFnsku)
        {
            if (adjustments.Disposal.Count == 0)
            {
                continue;
            }
            ordersByFnsku ??= DisposalOrders(context);
            var lots = FnskuAdjustments.LotsPerDate(adjustments.Disposal);
            if (ordersByFnsku.TryGetValue(fnsku, out var orders))
            {
                Cover(lots, orders);
            }
            LedgerLots.Claim(context, ClaimType.UnauthorizedDisposal, fnsku, lots);
        }
    }

    private static void Cover(List<Lot> lots, List<RemovalOrderRow> orders)
    {
        var unused = new int[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            unused[i] = Math.Max(0, orders[i].DisposedQuantity);
        }
        foreach (var lot in lots)
        {
            for (var i = 0; i < orders.Count && lot.Remaining > 0; i++)
            {
                var requested = Days.UtcDay(orders[i].RequestDate);
                if (requested > lot.Date)
                {
                    break;
                }
                if (unused[i] > 0)
                {
                    var cover = new Offset(requested, unused[i], OffsetKind.DisposalOrder, orders[i].OrderId, orders[i].OrderType, []);
                    unused[i] -= lot.Take(cover, unused[i]);
                }
            }
        }
    }

    /// <summary>Disposal order rows per FNSKU, oldest request first.</summary>
    private static Dictionary<string, List<RemovalOrderRow>> DisposalOrders(DetectionContext context)
    {
        var byFnsku = new Dictionary<string, List<RemovalOrderRow>>(StringComparer.Ordinal);
        foreach (var row in context.Data.RemovalOrders)
        {
            if (!string.Equals(row.OrderType, context.Policy.DisposalOrderType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!byFnsku.TryGetValue(row.Fnsku, out var list))
            {
                byFnsku[row.Fnsku] = list = [];
            }
            list.Add(row);
        }
        foreach (var list in byFnsku.Values)
        {
            list.Sort((a, b) =>
            {
                var c = a.RequestDate.CompareTo(b.RequestDate);
                return c != 0 ? c : string.CompareOrdinal(a.OrderId, b.OrderId);
            });
        }
        return byFnsku;
    }
}
