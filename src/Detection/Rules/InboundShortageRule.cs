using Opside.DataPlane.Rows;
using Opside.Detection.Shared;

namespace Opside.Detection.Rules;

/// <summary>
/// InboundShortage: items of CLOSED shipments with QuantityShipped − QuantityReceived &gt; 0, anchored on the
/// shipment's latest ledger Receipts row of any FNSKU. Lost_Inbound reimbursements offset the FNSKU's shortages by
/// FIFO in anchor order, only those anchored on or before the reimbursement. A shortage without a receipt row has no
/// anchor: it is reported for review, never claimed (resolved detail 14).
/// </summary>
internal static class InboundShortageRule
{
    private const string NoReceipt = "CLOSED with a shortage but no ledger Receipts row for the shipment: no anchor to date a claim";

    public static void Detect(DetectionContext context)
    {
        var closed = new Dictionary<string, InboundShipment>(StringComparer.Ordinal);
        foreach (var shipment in context.Data.Shipments)
        {
            if (string.Equals(shipment.ShipmentStatus, context.Policy.ClosedShipmentStatus, StringComparison.OrdinalIgnoreCase))
            {
                closed[shipment.ShipmentId] = shipment;
            }
        }

        // An FNSKU listed twice in one shipment is one line: its quantities are summed.
        var lines = new Dictionary<(string ShipmentId, string Fnsku), List<InboundShipmentItem>>();
        foreach (var item in context.Data.ShipmentItems)
        {
            if (!closed.ContainsKey(item.ShipmentId))
            {
                continue;
            }
            var key = (item.ShipmentId, item.FulfillmentNetworkSku);
            if (!lines.TryGetValue(key, out var list))
            {
                lines[key] = list = [];
            }
            list.Add(item);
        }

        var lotsByFnsku = new Dictionary<string, List<(Lot Lot, List<InboundShipmentItem> Items, LedgerEvent Receipt)>>(StringComparer.Ordinal);
        foreach (var ((shipmentId, fnsku), items) in lines)
        {
            var shortage = 0;
            foreach (var item in items)
            {
                shortage += item.QuantityShipped - item.QuantityReceived;
            }
            if (shortage <= 0)
            {
                continue;
            }
            if (!context.Ledger.LatestReceiptByShipment.TryGetValue(shipmentId, out var receipt))
            {
                context.NeedsReview.Add(new NeedsReviewShipment(shipmentId, fnsku, items[0].SellerSku, shortage, NoReceipt));
                continue;
            }
            var lot = new Lot(receipt.Date, items[0].SellerSku, shipmentId);
            lot.Add(shortage);
            if (!lotsByFnsku.TryGetValue(fnsku, out var lots))
            {
                lotsByFnsku[fnsku] = lots = [];
            }
            lots.Add((lot, items, receipt));
        }

        foreach (var (fnsku, entries) in lotsByFnsku)
        {
            entries.Sort((a, b) =>
            {
                var c = a.Lot.Date.CompareTo(b.Lot.Date);
                return c != 0 ? c : string.CompareOrdinal(a.Lot.Reference, b.Lot.Reference);
            });
            var lots = entries.ConvertAll(e => e.Lot);
            Fifo.Apply(lots, ReimbursementIndex.Offsets(context.Reimbursements.LostInboundByFnsku.GetValueOrDefault(fnsku)));
            foreach (var (lot, items, receipt) in entries)
            {
                if (lot.Remaining <= 0)
                {
                    continue;
                }
                var evidence = new List<EvidenceRow>();
                foreach (var item in items)
                {
                    evidence.Add(EvidenceRows.ShipmentItem(closed[item.ShipmentId], item));
                }
                evidence.Add(EvidenceRows.Ledger(receipt));
                var value = context.CostValue(lot.Sku, fnsku, lot.Date, lot.Remaining, evidence);
                context.AddClaim(
                    ClaimType.InboundShortage, ClaimIdentity.Key(lot.Reference, fnsku), fnsku, lot.Sku, lot.Date, lot.Remaining, value, evidence, lot.Applied,
                    shipmentId: lot.Reference);
            }
        }
    }
}
