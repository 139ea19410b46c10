using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.Tests;

/// <summary>
/// An independent reading of docs/claim-rules.md (v1 + resolved details) over a seller's rows, used only to check that the
/// labels are exactly the claims the data holds: every plant is found and the background adds nothing.
/// </summary>
internal static class ReferenceDetector
{
    private static readonly DateOnly CostEra = new(2025, 3, 10);

    public sealed record Found(ClaimType Type, string Key, DateOnly Anchor, int Units);

    public static (List<Found> Claims, List<string> NeedsReview) Detect(SyntheticSeller s)
    {
        var claims = new List<Found>();
        var net = NetReimbursements(s);
        var ledger = s.Ledger.Where(r => r.Date >= s.HistoryStart).ToList();

        foreach (var fnsku in ledger.Select(r => r.Item.Fnsku).Distinct())
        {
            var rows = ledger.Where(r => r.Item.Fnsku == fnsku && r.EventType == "Adjustments").ToList();
            var lost = Lots(rows, "M", "5");
            var lostOffsets = rows.Where(r => r.Reason is "F" or "N" && r.Quantity > 0).Select(r => (r.Date, r.Quantity))
                .Concat(Paid(net, fnsku, "Lost_Warehouse", withOrder: null));
            claims.AddRange(Fifo(lost, lostOffsets).Select(l => new Found(ClaimType.WarehouseLost, fnsku + "|" + l.Date, l.Date, l.Units)));
            var damaged = Lots(rows, "E", "6", "7");
            claims.AddRange(Fifo(damaged, Paid(net, fnsku, "Damaged_Warehouse", withOrder: false)).Select(l => new Found(ClaimType.WarehouseDamaged, fnsku + "|" + l.Date, l.Date, l.Units)));

            var orders = s.RemovalOrders.Where(o => o.Item.Fnsku == fnsku && o.OrderType == "Disposal").OrderBy(o => o.RequestDate)
                .Select(o => (Date: DateOnly.FromDateTime(o.RequestDate.UtcDateTime), Left: o.Disposed)).ToList();
            foreach (var lot in Lots(rows, "D"))
            {
                var units = lot.Units;
                for (var i = 0; i < orders.Count && units > 0; i++)
                {
                    if (orders[i].Date > lot.Date)
                        continue;
                    var take = Math.Min(units, orders[i].Left);
                    orders[i] = orders[i] with { Left = orders[i].Left - take };
                    units -= take;
                }

                if (units > 0)
                    claims.Add(new Found(ClaimType.UnauthorizedDisposal, fnsku + "|" + lot.Date, lot.Date, units));
            }
        }

        Returns(s, net, claims);
        var review = Inbound(s, net, claims);
        Removals(s, net, claims);
        Underpaid(s, claims);
        return (claims, review);
    }

    private static void Returns(SyntheticSeller s, List<NetRow> net, List<Found> claims)
    {
        var keys = s.Refunds.Select(r => (r.OrderId, r.Item.Sku)).Concat(s.Returns.Select(r => (r.OrderId, r.Item.Sku))).Distinct();
        foreach (var (order, sku) in keys)
        {
            var refunds = s.Refunds.Where(r => r.OrderId == order && r.Item.Sku == sku).ToList();
            var returns = s.Returns.Where(r => r.OrderId == order && r.Item.Sku == sku).ToList();
            var paid = net.Where(n => n.Row.OrderId == order && n.Row.Sku == sku).ToList();
            var customerPaid = paid.Where(n => n.Row.Reason is "CustomerReturn" or "CustomerServiceIssue").Sum(n => n.Total);
            var notReturned = Math.Max(0, refunds.Sum(r => r.Quantity) - returns.Sum(r => r.Quantity));
            if (notReturned - customerPaid > 0)
                claims.Add(new Found(ClaimType.CustomerReturnNotReceived, order + "|" + sku, refunds.Min(r => DateOnly.FromDateTime(r.PostedDate.UtcDateTime)), notReturned - customerPaid));
            var leftover = Math.Max(0, customerPaid - notReturned);
            var damaged = returns.Where(r => r.DetailedDisposition is "CARRIER_DAMAGED" or "DAMAGED").ToList();
            var owed = damaged.Sum(r => r.Quantity) - leftover - paid.Where(n => n.Row.Reason == "Damaged_Warehouse").Sum(n => n.Total);
            if (damaged.Count > 0 && owed > 0)
                claims.Add(new Found(ClaimType.ReturnDamagedInTransit, order + "|" + sku, damaged.Min(r => DateOnly.FromDateTime(r.ReturnDate.UtcDateTime)), owed));
        }
    }

    private static List<string> Inbound(SyntheticSeller s, List<NetRow> net, List<Found> claims)
    {
        var review = new List<string>();
        var lots = new List<(string Fnsku, string Shipment, DateOnly Date, int Units)>();
        foreach (var shipment in s.Shipments.Where(x => x.Status == "CLOSED"))
        {
            var receipts = s.Ledger.Where(r => r.Date >= s.HistoryStart && r.EventType == "Receipts" && r.ReferenceId == shipment.ShipmentId).ToList();
            foreach (var item in shipment.Items.Where(i => i.QuantityShipped > i.QuantityReceived))
            {
                if (receipts.Count == 0)
                    review.Add(shipment.ShipmentId + "|" + item.Item.Fnsku);
                else
                    lots.Add((item.Item.Fnsku, shipment.ShipmentId, receipts.Max(r => r.Date), item.QuantityShipped - item.QuantityReceived));
            }
        }

        foreach (var group in lots.GroupBy(l => l.Fnsku))
        {
            var ordered = group.OrderBy(l => l.Date).ToList();
            var left = Fifo([.. ordered.Select(l => (l.Date, l.Units))], Paid(net, group.Key, "Lost_Inbound", withOrder: null));
            claims.AddRange(left.Select(l => new Found(ClaimType.InboundShortage, ordered[l.Index].Shipment + "|" + group.Key, l.Date, l.Units)));
        }

        return review;
    }

    private static void Removals(SyntheticSeller s, List<NetRow> net, List<Found> claims)
    {
        var lots = s.RemovalOrders.Where(o => o.OrderStatus == "Completed").GroupBy(o => (o.OrderId, o.Item.Fnsku))
            .Select(g => (g.Key.OrderId, g.Key.Fnsku, Date: g.Max(o => DateOnly.FromDateTime(o.LastUpdatedDate.UtcDateTime)),
                Units: g.Sum(o => o.Requested - o.Cancelled - o.Disposed - o.Shipped - o.InProcess)))
            .Where(l => l.Units > 0).ToList();
        foreach (var group in lots.GroupBy(l => l.Fnsku))
        {
            var ordered = group.OrderBy(l => l.Date).ToList();
            var left = Fifo([.. ordered.Select(l => (l.Date, l.Units))], Paid(net, group.Key, "Removal_Order_Lost", withOrder: null));
            claims.AddRange(left.Select(l => new Found(ClaimType.RemovalShortfall, ordered[l.Index].OrderId + "|" + group.Key, l.Date, l.Units)));
        }
    }

    private static void Underpaid(SyntheticSeller s, List<Found> claims)
    {
        foreach (var row in s.Reimbursements.Where(r => r.Reason is "Lost_Warehouse" or "Damaged_Warehouse" && r.OrderId.Length == 0 && r.QuantityCash > 0))
        {
            var day = DateOnly.FromDateTime(row.ApprovalDate.UtcDateTime);
            var cost = s.Costs.Where(c => c.Sku == row.Sku && c.EffectiveDate <= day).OrderBy(c => c.EffectiveDate).LastOrDefault();
            if (day < CostEra || cost is null || row.AmountPerUnit >= 0.95m * cost.UnitCost)
                continue;
            var units = row.QuantityCash + s.Reimbursements.Where(r => r.Reason == "Reimbursement_Reversal" && r.OriginalReimbursementId == row.ReimbursementId).Sum(r => r.QuantityCash);
            if (units > 0)
                claims.Add(new Found(ClaimType.UnderpaidReimbursement, row.ReimbursementId + "|" + row.Fnsku, day, units));
        }
    }

    private sealed record NetRow(ReimbursementRow Row, DateOnly Date, int Total);

    /// <summary>Each non-reversal row with its reversals (matched by original id and FNSKU or ASIN) netted in.</summary>
    private static List<NetRow> NetReimbursements(SyntheticSeller s) =>
        [.. s.Reimbursements.Where(r => r.Reason != "Reimbursement_Reversal").Select(r => new NetRow(
            r,
            DateOnly.FromDateTime(r.ApprovalDate.UtcDateTime),
            r.QuantityTotal + s.Reimbursements.Where(v => v.Reason == "Reimbursement_Reversal" && v.OriginalReimbursementId == r.ReimbursementId
                && (v.Fnsku == r.Fnsku || v.Fnsku == r.Asin)).Sum(v => v.QuantityTotal)))];

    private static IEnumerable<(DateOnly Date, int Units)> Paid(List<NetRow> net, string fnsku, string reason, bool? withOrder) =>
        net.Where(n => n.Row.Fnsku == fnsku && n.Row.Reason == reason && (withOrder is null || (n.Row.OrderId.Length > 0) == withOrder) && n.Total > 0)
            .Select(n => (n.Date, n.Total));

    private static List<(DateOnly Date, int Units)> Lots(List<LedgerRow> rows, params string[] reasons) =>
        [.. rows.Where(r => reasons.Contains(r.Reason) && r.Quantity < 0).GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g => (g.Key, -g.Sum(r => r.Quantity)))];

    /// <summary>FIFO netting with spill: each offset fills the oldest lots dated on or before it; what none can absorb is dropped.</summary>
    private static List<(int Index, DateOnly Date, int Units)> Fifo(List<(DateOnly Date, int Units)> lots, IEnumerable<(DateOnly Date, int Units)> offsets)
    {
        var left = lots.Select(l => l.Units).ToArray();
        foreach (var (date, units) in offsets.OrderBy(o => o.Date))
        {
            var remaining = units;
            for (var i = 0; i < lots.Count && remaining > 0; i++)
            {
                if (lots[i].Date > date || left[i] == 0)
                    continue;
                var take = Math.Min(left[i], remaining);
                left[i] -= take;
                remaining -= take;
            }
        }

        return [.. lots.Select((l, i) => (i, l.Date, left[i])).Where(l => l.Item3 > 0)];
    }
}
