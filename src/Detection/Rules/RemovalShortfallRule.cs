using Opside.DataPlane.Rows;
using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// RemovalShortfall (resolved detail 5): the rows of one removal order and FNSKU, any order type, summed; missing =
/// requested − cancelled − disposed − shipped − in-process, anchored on their latest last-updated-date.
/// Removal_Order_Lost reimbursements offset the FNSKU's shortfalls by FIFO in anchor order, only those anchored on or
/// before the reimbursement.
/// </summary>
internal static class RemovalShortfallRule
{
    public static void Detect(DetectionContext context)
    {
        var orders = new Dictionary<(string OrderId, string Fnsku), List<RemovalOrderRow>>();
        foreach (var row in context.Data.RemovalOrders)
        {
            var key = (row.OrderId, row.Fnsku);
            if (!orders.TryGetValue(key, out var rows))
            {
                orders[key] = rows = [];
            }
            rows.Add(row);
        }

        var lotsByFnsku = new Dictionary<string, List<(Lot Lot, List<RemovalOrderRow> Rows)>>(StringComparer.Ordinal);
        foreach (var ((orderId, fnsku), rows) in orders)
        {
            // Only a finished order has a final count: one line still open makes the whole order and FNSKU unfinished.
            var missing = 0;
            var anchor = DateOnly.MinValue;
            var completed = true;
            foreach (var row in rows)
            {
                completed &= string.Equals(row.OrderStatus, context.Policy.CompletedRemovalStatus, StringComparison.OrdinalIgnoreCase);
                missing += row.RequestedQuantity - row.CancelledQuantity - row.DisposedQuantity - row.ShippedQuantity - row.InProcessQuantity;
                var updated = Days.UtcDay(row.LastUpdatedDate);
                anchor = updated > anchor ? updated : anchor;
            }
            if (!completed || missing <= 0)
            {
                continue;
            }
            var lot = new Lot(anchor, rows[0].Sku, orderId);
            lot.Add(missing);
            if (!lotsByFnsku.TryGetValue(fnsku, out var lots))
            {
                lotsByFnsku[fnsku] = lots = [];
            }
            lots.Add((lot, rows));
        }

        foreach (var (fnsku, entries) in lotsByFnsku)
        {
            entries.Sort((a, b) =>
            {
                var c = a.Lot.Date.CompareTo(b.Lot.Date);
                return c != 0 ? c : string.CompareOrdinal(a.Lot.Reference, b.Lot.Reference);
            });
            var lots = entries.ConvertAll(e => e.Lot);
            Fifo.Apply(lots, ReimbursementIndex.Offsets(context.Reimbursements.RemovalLostByFnsku.GetValueOrDefault(fnsku)));
            foreach (var (lot, rows) in entries)
            {
                if (lot.Remaining <= 0)
                {
                    continue;
                }
                var evidence = new List<EvidenceRow>();
                foreach (var row in rows)
                {
                    evidence.Add(EvidenceRows.Removal(row));
                }
                var value = context.CostValue(lot.Sku, fnsku, lot.Date, lot.Remaining, evidence);
                context.AddClaim(
                    ClaimType.RemovalShortfall, ClaimIdentity.Key(lot.Reference, fnsku), fnsku, lot.Sku, lot.Date, lot.Remaining, value, evidence, lot.Applied,
                    removalOrderId: lot.Reference);
            }
        }
    }
}
