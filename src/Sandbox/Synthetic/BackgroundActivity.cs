namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Ordinary selling on SKUs of their own: sales, returns, inbound shipments, removals, and FC losses and damage.
/// INVARIANT: the background is claim-free under docs/claim-rules.md by construction, so every claim in the data is a
/// labelled plant. Each potential claim is settled before the as-of day or not generated at all:
/// every M/5 loss is found (F) or paid (Lost_Warehouse, at least the catalog cost) on or after its date;
/// every E/6/7 damage is paid by a Damaged_Warehouse row without an order id, at least the catalog cost;
/// every D disposal follows a Disposal order requested before it that disposed as many units;
/// every refund has its return, or a CustomerReturn reimbursement when the return never came;
/// every CARRIER_DAMAGED/DAMAGED return is paid for its order; every CLOSED shipment is fully received or its
/// shortage is paid by Lost_Inbound after the last receipt, and has ledger receipts; every Completed removal
/// accounts for all requested units. Reversals are only "−1 cash, +1 inventory" (net 0). Extra found rows can
/// only reduce claims. Sandbox.Tests re-derives every claim from the rows and compares with the labels.
/// </summary>
internal static class BackgroundActivity
{
    private static readonly string[] ReturnReasons = ["UNWANTED_ITEM", "DEFECTIVE", "QUALITY_UNACCEPTABLE", "ORDERED_WRONG_ITEM", "FOUND_BETTER_PRICE", "NO_REASON_GIVEN"];
    private static readonly string[] Comments = ["", "", "", "Did not fit", "Arrived late", "Colour was not as pictured", "Produit reçu abîmé", "No funcionó, señal débil", "Größe passt nicht"];

    public static void Add(SellerBuilder b, int skuCount, double saleDayChance)
    {
        var skus = Enumerable.Range(0, skuCount).Select(_ => b.NewSku()).ToList();
        Inbound(b, skus);
        foreach (var item in skus)
        {
            Sales(b, item, saleDayChance);
            Losses(b, item);
            Damage(b, item);
            Removals(b, item);
        }

        // Undocumented and neutral codes Amazon also writes: G (new, unexplained) and warehouse transfers.
        foreach (var item in skus.Take(3))
        {
            var day = b.HistoryStart.AddDays(b.Random.Between(10, 400));
            b.AddLedger(day, item, "Adjustments", -1, "G");
            var fc = b.Fc();
            b.AddLedger(day.AddDays(3), item, "WhseTransfers", -2, "", fc: fc);
            b.AddLedger(day.AddDays(3), item, "WhseTransfers", 2, "", fc: b.Fc());
        }
    }

    private static void Sales(SellerBuilder b, SyntheticSku item, double chance)
    {
        for (var day = b.HistoryStart; day <= b.LastDay; day = day.AddDays(1))
        {
            if (!b.Random.Chance(chance))
                continue;
            var units = b.Random.Between(1, 3);
            var fc = b.Fc();
            b.AddLedger(day, item, "Shipments", -units, fc: fc);
            if (b.Random.Chance(0.03))
                b.AddLedger(day, item, "Shipments", -units, fc: fc); // a second, identical event: a legitimate duplicate row
            if (b.Random.Chance(0.1))
                ReturnOf(b, item, day);
        }
    }

    private static void ReturnOf(SellerBuilder b, SyntheticSku item, DateOnly sold)
    {
        var refunded = sold.AddDays(b.Random.Between(2, 12));
        var order = b.OrderId();
        if (b.Random.Chance(0.07))
        {
            // The return never arrives and Amazon pays for it.
            var paid = refunded.AddDays(b.Random.Between(45, 70));
            if (paid > b.LastDay)
                return;
            b.Refund(refunded, order, item, 1, item.Price);
            b.Reimburse(paid, "CustomerReturn", item, item.Price, 1, orderId: order);
            return;
        }

        var arrived = refunded.AddDays(b.Random.Between(2, 20));
        if (arrived > b.LastDay)
            return;
        var roll = b.Random.NextDouble();
        var disposition = roll < 0.55 ? "SELLABLE" : roll < 0.70 ? "CUSTOMER_DAMAGED" : roll < 0.85 ? "DEFECTIVE" : roll < 0.92 ? "CARRIER_DAMAGED" : roll < 0.97 ? "DAMAGED" : "EXPIRED";
        var damagedPaid = arrived.AddDays(b.Random.Between(5, 30));
        if (disposition is "CARRIER_DAMAGED" or "DAMAGED" && damagedPaid > b.LastDay)
            disposition = "CUSTOMER_DAMAGED";
        b.Refund(refunded, order, item, 1, item.Price);
        b.Return(arrived, order, item, 1, disposition, b.Random.Pick(ReturnReasons), b.Random.Pick(Comments));
        if (disposition is "CARRIER_DAMAGED" or "DAMAGED")
            b.Reimburse(damagedPaid, b.Random.Chance(0.5) ? "CustomerReturn" : "Damaged_Warehouse", item, item.Price, 1, orderId: order);
    }

    private static void Losses(SellerBuilder b, SyntheticSku item)
    {
        for (var day = b.HistoryStart; day <= b.LastDay; day = day.AddDays(1))
        {
            if (!b.Random.Chance(1.0 / 75))
                continue;
            var units = b.Random.Between(1, 2);
            var code = b.Random.Chance(0.8) ? "M" : "5";
            if (b.Random.Chance(0.55))
            {
                var found = day.AddDays(b.Random.Between(0, 30));
                if (found > b.LastDay)
                    continue;
                b.AddLedger(day, item, "Adjustments", -units, code);
                b.AddLedger(found, item, "Adjustments", units, b.Random.Chance(0.8) ? "F" : "N");
                continue;
            }

            var paid = day.AddDays(b.Random.Between(10, 40));
            if (paid > b.LastDay)
                continue;
            b.AddLedger(day, item, "Adjustments", -units, code);
            var payment = b.Reimburse(paid, "Lost_Warehouse", item, PaidAtCost(b, item), units);
            var reversed = paid.AddDays(b.Random.Between(10, 40));
            if (b.Random.Chance(0.15) && reversed <= b.LastDay)
            {
                // Amazon found the unit: cash back, the unit returns to inventory (the reimbursement still nets to its units).
                b.Reverse(reversed, payment, item, -1, 1);
                b.AddLedger(reversed, item, "Adjustments", 1, "N");
            }
        }
    }

    private static void Damage(SellerBuilder b, SyntheticSku item)
    {
        for (var day = b.HistoryStart; day <= b.LastDay; day = day.AddDays(1))
        {
            if (!b.Random.Chance(1.0 / 120))
                continue;
            if (b.Random.Chance(0.3))
            {
                b.AddDamage(day, item, b.Random.Pick(["H", "K", "U"]), 1); // not claimed by default
                continue;
            }

            var paid = day.AddDays(b.Random.Between(5, 35));
            if (paid > b.LastDay)
                continue;
            b.AddDamage(day, item, b.Random.Pick(["E", "6", "7"]), 1);
            b.Reimburse(paid, "Damaged_Warehouse", item, PaidAtCost(b, item), 1);
        }
    }

    private static void Removals(SellerBuilder b, SyntheticSku item)
    {
        if (b.Random.Chance(0.3))
        {
            var requested = b.HistoryStart.AddDays(b.Random.Between(0, 520));
            var done = requested.AddDays(b.Random.Between(3, 10));
            var units = b.Random.Between(2, 12);
            var order = b.RemovalOrderId();
            if (done <= b.LastDay)
            {
                b.Removal(requested, order, "Disposal", "Completed", done, item, units, disposed: units);
                b.AddLedger(done, item, "Adjustments", -units, "D", "UNSELLABLE");
            }
            else if (requested <= b.LastDay)
            {
                b.Removal(requested, order, "Disposal", "Pending", requested, item, units, inProcess: units);
            }
        }

        if (b.Random.Chance(0.4))
        {
            var requested = b.HistoryStart.AddDays(b.Random.Between(0, 520));
            var done = requested.AddDays(b.Random.Between(5, 15));
            var units = b.Random.Between(2, 30);
            var cancelled = b.Random.Chance(0.2) ? 1 : 0;
            var order = b.RemovalOrderId();
            if (done <= b.LastDay)
            {
                b.Removal(requested, order, "Return", "Completed", done, item, units, cancelled: cancelled, shipped: units - cancelled, disposition: "Sellable");
                b.AddLedger(done, item, "VendorReturns", -(units - cancelled), "", reference: order);
            }
            else if (requested <= b.LastDay)
            {
                b.Removal(requested, order, "Return", "Pending", requested, item, units, inProcess: units, disposition: "Sellable");
            }
        }
    }

    private static void Inbound(SellerBuilder b, List<SyntheticSku> skus)
    {
        var created = b.HistoryStart.AddDays(b.Random.Between(3, 10));
        var gap = Math.Max(3, 600 / skus.Count);
        while (created < b.LastDay)
        {
            var id = b.ShipmentId();
            var fc = b.Fc();
            var lines = skus.OrderBy(_ => b.Random.NextUInt64()).Take(b.Random.Between(1, Math.Min(4, skus.Count)))
                .Select(item => (Item: item, Shipped: 12 * b.Random.Between(2, 20))).ToList();
            var firstReceipt = created.AddDays(b.Random.Between(6, 10));
            var lastReceipt = firstReceipt.AddDays(b.Random.Between(1, 3));
            var closed = lastReceipt.AddDays(b.Random.Between(1, 5));
            var shortage = b.Random.Chance(0.15) ? b.Random.Between(1, 3) : 0;
            var lostInboundPaid = lastReceipt.AddDays(b.Random.Between(15, 40));
            if (shortage > 0 && lostInboundPaid > b.LastDay)
                shortage = 0;
            var name = $"FBA ({created.Month}/{created.Day}/{created.Year % 100:00}, {b.Random.Between(1, 12)}:{b.Random.Between(0, 59):00} {(b.Random.Chance(0.5) ? "AM" : "PM")}) - 1";

            List<InboundItem> items = [];
            string status;
            DateOnly updated;
            if (closed <= b.LastDay)
            {
                status = "CLOSED";
                updated = closed;
                for (var i = 0; i < lines.Count; i++)
                {
                    var received = lines[i].Shipped - (i == 0 ? shortage : 0);
                    var first = received / 2;
                    b.AddLedger(firstReceipt, lines[i].Item, "Receipts", first, reference: id, fc: fc);
                    b.AddLedger(lastReceipt, lines[i].Item, "Receipts", received - first, reference: id, fc: fc);
                    items.Add(new InboundItem(lines[i].Item, lines[i].Shipped, received, 12));
                }

                if (shortage > 0)
                    b.Reimburse(lostInboundPaid, "Lost_Inbound", lines[0].Item, PaidAtCost(b, lines[0].Item), shortage);
            }
            else if (firstReceipt <= b.LastDay)
            {
                status = "RECEIVING";
                updated = firstReceipt;
                foreach (var (item, shipped) in lines)
                {
                    b.AddLedger(firstReceipt, item, "Receipts", shipped / 2, reference: id, fc: fc);
                    items.Add(new InboundItem(item, shipped, shipped / 2, 12));
                }
            }
            else
            {
                status = created.AddDays(3) <= b.LastDay ? "IN_TRANSIT" : "SHIPPED";
                updated = created;
                items.AddRange(lines.Select(l => new InboundItem(l.Item, l.Shipped, 0, 12)));
            }

            b.Shipments.Add(new InboundShipment(id, name, status, fc, b.At(updated), items));
            created = created.AddDays(b.Random.Between(gap / 2 + 1, gap + gap / 2 + 1));
        }
    }

    /// <summary>At least the catalog cost: a background payment never counts as underpaid.</summary>
    private static decimal PaidAtCost(SellerBuilder b, SyntheticSku item) => Math.Round(item.UnitCost * (decimal)(1.0 + (0.15 * b.Random.NextDouble())), 2);
}
