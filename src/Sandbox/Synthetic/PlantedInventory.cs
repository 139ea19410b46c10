namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Planted warehouse losses, damage, unauthorised disposals and underpaid reimbursements, each on SKUs of its own,
/// in every window state, with the decoys that must not be claimed. Each label's arithmetic is spelled out beside its rows.
/// </summary>
internal static class PlantedInventory
{
    public static void Add(SellerBuilder b)
    {
        Lost(b);
        Damaged(b);
        Disposal(b);
        Underpaid(b);
    }

    private static void Lost(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.WarehouseLost;
        var at = PlantAnchors.For(Type, b.AsOf);

        // Two qualifying codes on one date form one lot: 2 (M) + 1 (5) = 3.
        var a = b.NewSku();
        b.AddLedger(at.OpensTomorrow, a, "Adjustments", -2, "M");
        b.AddLedger(at.OpensTomorrow, a, "Adjustments", -1, "5");
        b.Claim(Type, a, at.OpensTomorrow, 3, b.CostValue(a, at.OpensTomorrow, 3), "M and 5 rows on one date are one lot");

        // Spill: F +2 a day later fills the older lot (1) and spills 1 into this one: 2 − 1 = 1 left.
        var s = b.NewSku();
        b.AddLedger(at.OpensToday.AddDays(-10), s, "Adjustments", -1, "M");
        b.AddLedger(at.OpensToday, s, "Adjustments", -2, "M");
        b.AddLedger(at.OpensToday.AddDays(1), s, "Adjustments", 2, "F");
        b.Claim(Type, s, at.OpensToday, 1, b.CostValue(s, at.OpensToday, 1), "found units spill from the older lot into this one");

        // "−1 cash, 0 inventory" reversal: the payment nets to 0, the lot is owed again. No catalog row: the value is the
        // median of the FNSKU's cash payments (this one and a CustomerReturn for an order, an even count: their mean).
        var r = b.NewSku(inCatalog: false);
        b.AddLedger(at.ClosesToday, r, "Adjustments", -1, "M");
        var paid = b.Reimburse(at.ClosesToday.AddDays(20), "Lost_Warehouse", r, r.UnitCost, 1);
        b.Reverse(at.ClosesToday.AddDays(35), paid, r, -1, 0);
        b.Reimburse(at.ClosesToday.AddDays(-30), "CustomerReturn", r, Math.Round(r.Price * 0.83m, 2) + 0.01m, 1, orderId: b.OrderId());
        b.Claim(Type, r, at.ClosesToday, 1, b.CostValue(r, at.ClosesToday, 1), "Lost_Warehouse reversed by −1 cash, 0 inventory; median-reimbursement value");

        // Identical rows are separate events (2 units); a found row dated before any lot offsets nothing.
        var d = b.NewSku();
        b.AddLedger(at.ClosedYesterday.AddDays(-5), d, "Adjustments", 1, "F");
        var fc = b.Fc();
        b.AddLedger(at.ClosedYesterday, d, "Adjustments", -1, "M", reference: "13895071006", fc: fc);
        b.AddLedger(at.ClosedYesterday, d, "Adjustments", -1, "M", reference: "13895071006", fc: fc);
        b.Claim(Type, d, at.ClosedYesterday, 2, b.CostValue(d, at.ClosedYesterday, 2), "two identical M rows; an earlier F row is dropped");

        var found = b.NewSku();
        b.AddLedger(b.AsOf.AddDays(-50), found, "Adjustments", -2, "M");
        b.AddLedger(b.AsOf.AddDays(-48), found, "Adjustments", 1, "F");
        b.AddLedger(b.AsOf.AddDays(-40), found, "Adjustments", 1, "N");
        b.Decoy(Type, found, "the 2 lost units were found again (F +1, N +1)");

        // Paid, then a "−1 cash, +1 inventory" reversal that nets to 0: the lot stays paid; the N row has no lot left.
        var p = b.NewSku();
        b.AddLedger(b.AsOf.AddDays(-50), p, "Adjustments", -2, "M");
        var payment = b.Reimburse(b.AsOf.AddDays(-30), "Lost_Warehouse", p, p.UnitCost, 2);
        b.Reverse(b.AsOf.AddDays(-20), payment, p, -1, 1);
        b.AddLedger(b.AsOf.AddDays(-20), p, "Adjustments", 1, "N");
        b.Decoy(Type, p, "paid by Lost_Warehouse; its −1/+1 reversal nets to zero", reimbursementId: payment.ReimbursementId);
    }

    private static void Damaged(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.WarehouseDamaged;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        b.AddDamage(at.OpensTomorrow, w, "E", 1);
        b.Claim(Type, w, at.OpensTomorrow, 1, b.CostValue(w, at.OpensTomorrow, 1), "E with its P row (P is not an offset)");

        // Lot 6 (2) + 7 (1) = 3; a Damaged_Warehouse without an order id pays 1; one with an order id pays a return, not the lot.
        var c = b.NewSku();
        b.AddDamage(at.OpensToday, c, "6", 2);
        b.AddDamage(at.OpensToday, c, "7", 1);
        b.Reimburse(at.OpensToday.AddDays(10), "Damaged_Warehouse", c, c.UnitCost, 1);
        var order = b.OrderId();
        b.Refund(at.OpensToday.AddDays(-30), order, c, 1, c.Price);
        b.Return(at.OpensToday.AddDays(-20), order, c, 1, "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER", "Box crushed, vidrio roto");
        var postOrder = b.Reimburse(at.OpensToday.AddDays(5), "Damaged_Warehouse", c, c.Price, 1, orderId: order);
        b.Claim(Type, c, at.OpensToday, 2, b.CostValue(c, at.OpensToday, 2), "6 and 7 on one date; paid 1 without order id; a post-order payment does not offset");
        b.Decoy(ClaimType.ReturnDamagedInTransit, c, "the carrier-damaged return was paid by Damaged_Warehouse for its order", orderId: order, reimbursementId: postOrder.ReimbursementId);

        var u = b.NewSku(inCatalog: false);
        b.AddDamage(at.ClosesToday, u, "E", 1);
        b.Claim(Type, u, at.ClosesToday, 1, null, "no catalog cost and no reimbursement history: value unknown");

        var e = b.NewSku();
        b.AddDamage(at.ClosedYesterday, e, "E", 2);
        b.Claim(Type, e, at.ClosedYesterday, 2, b.CostValue(e, at.ClosedYesterday, 2), "E lot of 2");

        var paid = b.NewSku();
        b.AddDamage(b.AsOf.AddDays(-50), paid, "E", 1);
        var payment = b.Reimburse(b.AsOf.AddDays(-30), "Damaged_Warehouse", paid, paid.UnitCost, 1);
        b.Decoy(Type, paid, "damage paid by Damaged_Warehouse; the P row is the pair, not a second event", reimbursementId: payment.ReimbursementId);

        var customer = b.NewSku();
        b.AddDamage(b.AsOf.AddDays(-50), customer, "H", 1);
        b.AddDamage(b.AsOf.AddDays(-50), customer, "K", 1);
        b.AddDamage(b.AsOf.AddDays(-50), customer, "U", 1);
        b.Decoy(Type, customer, "H, K and U damage (customer, defect, distributor) is not claimed by default");
    }

    private static void Disposal(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.UnauthorizedDisposal;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        b.AddLedger(at.OpensTomorrow, w, "Adjustments", -2, "D", "UNSELLABLE");
        b.Claim(Type, w, at.OpensTomorrow, 2, b.CostValue(w, at.OpensTomorrow, 2), "disposal without any disposal order");

        var partial = b.NewSku();
        b.Removal(at.OpensToday.AddDays(-10), b.RemovalOrderId(), "Disposal", "Completed", at.OpensToday.AddDays(-4), partial, 2, disposed: 2);
        b.AddLedger(at.OpensToday, partial, "Adjustments", -3, "D", "UNSELLABLE");
        b.Claim(Type, partial, at.OpensToday, 1, b.CostValue(partial, at.OpensToday, 1), "an earlier disposal order covers 2 of 3 units");

        // An order requested after the disposal covers only the later lot it caused.
        var late = b.NewSku();
        b.AddLedger(at.ClosesToday, late, "Adjustments", -2, "D", "UNSELLABLE");
        b.Removal(at.ClosesToday.AddDays(1), b.RemovalOrderId(), "Disposal", "Completed", at.ClosesToday.AddDays(5), late, 2, disposed: 2);
        b.AddLedger(at.ClosesToday.AddDays(5), late, "Adjustments", -2, "D", "UNSELLABLE");
        b.Claim(Type, late, at.ClosesToday, 2, b.CostValue(late, at.ClosesToday, 2), "the only disposal order was requested after this disposal");

        var e = b.NewSku();
        b.AddLedger(at.ClosedYesterday, e, "Adjustments", -1, "D", "UNSELLABLE");
        b.AddLedger(at.ClosedYesterday, e, "Adjustments", -1, "D", "UNSELLABLE");
        b.Claim(Type, e, at.ClosedYesterday, 2, b.CostValue(e, at.ClosedYesterday, 2), "two D rows on one date are one lot");

        var covered = b.NewSku();
        var order = b.Removal(b.AsOf.AddDays(-40), b.RemovalOrderId(), "Disposal", "Completed", b.AsOf.AddDays(-35), covered, 3, disposed: 3);
        b.AddLedger(b.AsOf.AddDays(-35), covered, "Adjustments", -3, "D", "UNSELLABLE");
        b.Decoy(Type, covered, "covered by the seller's Disposal order requested before it", removalOrderId: order.OrderId);
    }

    private static void Underpaid(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.UnderpaidReimbursement;
        var at = PlantAnchors.For(Type, b.AsOf);

        // Each payment fully offsets its own loss lot, so only the underpayment is owed.
        var c = b.NewSku();
        b.AddLedger(at.OpensToday.AddDays(-20), c, "Adjustments", -2, "M");
        var low = Math.Round(c.UnitCost * 0.6m, 2);
        var paid = b.Reimburse(at.OpensToday, "Lost_Warehouse", c, low, 2);
        b.Claim(Type, c, at.OpensToday, 2, SellerBuilder.Round((c.UnitCost - low) * 2), "Lost_Warehouse at 60% of cost", reimbursementId: paid.ReimbursementId);

        // The catalog cost changed before the approval, and changes again after it: the one effective on the approval date applies.
        var changed = b.NewSku();
        var newCost = changed.UnitCost + 1.25m;
        b.AddCost(changed, newCost, at.ClosesToday.AddDays(-30));
        b.AddCost(changed, newCost + 5m, at.ClosesToday.AddDays(5));
        b.AddDamage(at.ClosesToday.AddDays(-15), changed, "E", 1);
        var half = Math.Round(changed.UnitCost * 0.5m, 2);
        var damaged = b.Reimburse(at.ClosesToday, "Damaged_Warehouse", changed, half, 1);
        b.Claim(Type, changed, at.ClosesToday, 1, SellerBuilder.Round(newCost - half), "Damaged_Warehouse at half the cost effective on the approval date", reimbursementId: damaged.ReimbursementId);

        // A −1/+1 reversal of the row nets its cash units first: 3 − 1 = 2 underpaid units.
        var e = b.NewSku();
        b.AddLedger(at.ClosedYesterday.AddDays(-10), e, "Adjustments", -3, "M");
        var seventy = Math.Round(e.UnitCost * 0.7m, 2);
        var reversed = b.Reimburse(at.ClosedYesterday, "Lost_Warehouse", e, seventy, 3);
        b.Reverse(at.ClosedYesterday.AddDays(10), reversed, e, -1, 1);
        b.AddLedger(at.ClosedYesterday.AddDays(10), e, "Adjustments", 1, "N");
        b.Claim(Type, e, at.ClosedYesterday, 2, SellerBuilder.Round((e.UnitCost - seventy) * 2), "3 cash units netted with a −1/+1 reversal", reimbursementId: reversed.ReimbursementId);

        var tolerated = b.NewSku();
        b.AddLedger(b.AsOf.AddDays(-40), tolerated, "Adjustments", -1, "M");
        var ok = b.Reimburse(b.AsOf.AddDays(-20), "Lost_Warehouse", tolerated, Math.Round(tolerated.UnitCost * 0.96m, 2), 1);
        b.Decoy(Type, tolerated, "paid 96% of cost: within the 5% tolerance", reimbursementId: ok.ReimbursementId);

        var era = new DateOnly(2025, 3, 9);
        if (era < b.LastDay && era >= b.CatalogStart)
        {
            var old = b.NewSku();
            var before = b.Reimburse(era, "Lost_Warehouse", old, Math.Round(old.UnitCost * 0.5m, 2), 1);
            b.Decoy(Type, old, "approved before 2025-03-10, the start of the manufacturing-cost era", reimbursementId: before.ReimbursementId);
        }

        // Reversed to nothing ("−1 cash, 0 inventory"): no cash left to be underpaid; the loss itself is labelled in Lost.
        var gone = b.NewSku();
        b.AddLedger(b.AsOf.AddDays(-60), gone, "Adjustments", -1, "M");
        b.AddLedger(b.AsOf.AddDays(-55), gone, "Adjustments", 1, "F");
        var voided = b.Reimburse(b.AsOf.AddDays(-40), "Lost_Warehouse", gone, Math.Round(gone.UnitCost * 0.5m, 2), 1);
        b.Reverse(b.AsOf.AddDays(-30), voided, gone, -1, 0);
        b.Decoy(Type, gone, "the low payment was reversed (−1 cash, 0 inventory) and nets to zero", reimbursementId: voided.ReimbursementId);
    }
}
