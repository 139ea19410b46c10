namespace Opside.Sandbox.Synthetic;

/// <summary>Planted inbound shortages and removal shortfalls, their decoys, and the shipments that need review.</summary>
internal static class PlantedShipments
{
    public static void Add(SellerBuilder b)
    {
        Inbound(b);
        Removals(b);
    }

    private static void Inbound(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.InboundShortage;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        var s1 = Closed(b, at.OpensTomorrow, (w, 50, 47, at.OpensTomorrow));
        b.Claim(Type, w, at.OpensTomorrow, 3, b.CostValue(w, at.OpensTomorrow, 3), "50 shipped, 47 received", shipmentId: s1);

        // The anchor is the shipment's latest receipt of any FNSKU: the other item's, three days after this one's.
        var c = b.NewSku();
        var other = b.NewSku();
        var s2 = Closed(b, at.OpensToday, (c, 24, 20, at.OpensToday.AddDays(-3)), (other, 12, 12, at.OpensToday));
        b.Claim(Type, c, at.OpensToday, 4, b.CostValue(c, at.OpensToday, 4), "anchored on another FNSKU's later receipt", shipmentId: s2);

        // Lost_Inbound after the anchor offsets 2 of 5; one approved before the anchor has no lot to offset.
        var p = b.NewSku();
        var s3 = Closed(b, at.ClosesToday, (p, 30, 25, at.ClosesToday));
        b.Reimburse(at.ClosesToday.AddDays(-3), "Lost_Inbound", p, p.UnitCost, 1);
        b.Reimburse(at.ClosesToday.AddDays(10), "Lost_Inbound", p, p.UnitCost, 2);
        b.Claim(Type, p, at.ClosesToday, 3, b.CostValue(p, at.ClosesToday, 3), "5 short, 2 paid after the anchor, 1 paid before it (dropped)", shipmentId: s3);

        var e = b.NewSku();
        var s4 = Closed(b, at.ClosedYesterday, (e, 36, 34, at.ClosedYesterday));
        b.Claim(Type, e, at.ClosedYesterday, 2, b.CostValue(e, at.ClosedYesterday, 2), "36 shipped, 34 received", shipmentId: s4);

        var paid = b.NewSku();
        var s5 = Closed(b, b.AsOf.AddDays(-40), (paid, 20, 18, b.AsOf.AddDays(-40)));
        b.Reimburse(b.AsOf.AddDays(-25), "Lost_Inbound", paid, paid.UnitCost, 2);
        b.Decoy(Type, paid, "the shortage was paid by Lost_Inbound", shipmentId: s5);

        // Still receiving: a shortage is not final until the shipment is CLOSED.
        var open = b.NewSku();
        var s6 = b.ShipmentId();
        b.AddLedger(b.AsOf.AddDays(-30), open, "Receipts", 10, reference: s6);
        b.Shipments.Add(new InboundShipment(s6, "FBA (receiving) - 1", "RECEIVING", b.Fc(), b.At(b.AsOf.AddDays(-30)), [new InboundItem(open, 24, 10, 12)]));
        b.Decoy(Type, open, "shipment still RECEIVING", shipmentId: s6);

        var review = b.NewSku();
        var s7 = b.ShipmentId();
        b.Shipments.Add(new InboundShipment(s7, "FBA (no receipts) - 1", "CLOSED", b.Fc(), b.At(b.AsOf.AddDays(-35)), [new InboundItem(review, 10, 0, 10)]));
        b.NeedsReview.Add(new NeedsReviewLabel(s7, review.Fnsku, review.Sku, 10, "CLOSED with a shortage but no ledger Receipts row: no anchor"));
    }

    /// <summary>A CLOSED shipment whose items were received on the given days (ledger Receipts rows), closed a day after.</summary>
    private static string Closed(SellerBuilder b, DateOnly anchor, params (SyntheticSku Item, int Shipped, int Received, DateOnly ReceivedOn)[] lines)
    {
        var id = b.ShipmentId();
        var fc = b.Fc();
        foreach (var line in lines)
            b.AddLedger(line.ReceivedOn, line.Item, "Receipts", line.Received, reference: id, fc: fc);
        var name = $"FBA ({anchor.Month}/{anchor.Day}/{anchor.Year % 100:00}, 9:{b.Random.Between(10, 59)} AM) - 1";
        b.Shipments.Add(new InboundShipment(id, name, "CLOSED", fc, b.At(anchor.AddDays(1)), lines.Select(l => new InboundItem(l.Item, l.Shipped, l.Received, 12)).ToList()));
        return id;
    }

    private static void Removals(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.RemovalShortfall;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        var r1 = b.RemovalOrderId();
        b.Removal(at.OpensTomorrow.AddDays(-12), r1, "Return", "Completed", at.OpensTomorrow, w, 10, shipped: 7, disposition: "Sellable");
        b.Claim(Type, w, at.OpensTomorrow, 3, b.CostValue(w, at.OpensTomorrow, 3), "10 requested, 7 shipped", removalOrderId: r1);

        // Rows of one order and FNSKU are summed; the anchor is their latest last-updated-date.
        var c = b.NewSku();
        var r2 = b.RemovalOrderId();
        b.Removal(at.OpensToday.AddDays(-15), r2, "Return", "Completed", at.OpensToday.AddDays(-3), c, 5, shipped: 5, disposition: "Sellable");
        b.Removal(at.OpensToday.AddDays(-15), r2, "Return", "Completed", at.OpensToday, c, 4, cancelled: 1, shipped: 2, disposition: "Unsellable");
        b.Claim(Type, c, at.OpensToday, 1, b.CostValue(c, at.OpensToday, 1), "two rows of one order summed: 9 − 1 − 7", removalOrderId: r2);

        var p = b.NewSku();
        var r3 = b.RemovalOrderId();
        b.Removal(at.ClosesToday.AddDays(-10), r3, "Return", "Completed", at.ClosesToday, p, 6, disposed: 1, shipped: 2);
        b.Reimburse(at.ClosesToday.AddDays(20), "Removal_Order_Lost", p, p.UnitCost, 1);
        b.Claim(Type, p, at.ClosesToday, 2, b.CostValue(p, at.ClosesToday, 2), "6 − 1 disposed − 2 shipped = 3, 1 paid by Removal_Order_Lost", removalOrderId: r3);

        var e = b.NewSku();
        var r4 = b.RemovalOrderId();
        b.Removal(at.ClosedYesterday.AddDays(-9), r4, "Disposal", "Completed", at.ClosedYesterday, e, 4, disposed: 1);
        b.Claim(Type, e, at.ClosedYesterday, 3, b.CostValue(e, at.ClosedYesterday, 3), "disposal order completed with 3 units unaccounted", removalOrderId: r4);

        var pending = b.NewSku();
        var r5 = b.RemovalOrderId();
        b.Removal(b.AsOf.AddDays(-30), r5, "Return", "Pending", b.AsOf.AddDays(-20), pending, 5, shipped: 2, inProcess: 1);
        b.Decoy(Type, pending, "order still Pending", removalOrderId: r5);

        var paid = b.NewSku();
        var r6 = b.RemovalOrderId();
        b.Removal(b.AsOf.AddDays(-50), r6, "Return", "Completed", b.AsOf.AddDays(-40), paid, 8, shipped: 6);
        var payment = b.Reimburse(b.AsOf.AddDays(-30), "Removal_Order_Lost", paid, paid.UnitCost, 2);
        b.Decoy(Type, paid, "the 2 missing units were paid by Removal_Order_Lost", removalOrderId: r6, reimbursementId: payment.ReimbursementId);
    }
}
