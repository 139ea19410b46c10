namespace Opside.Sandbox.Synthetic;

/// <summary>Planted customer-return claims (refunded but never returned; returned damaged in transit) and their decoys.</summary>
internal static class PlantedReturns
{
    public static void Add(SellerBuilder b)
    {
        NotReceived(b);
        DamagedInTransit(b);
    }

    private static void NotReceived(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.CustomerReturnNotReceived;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        var o1 = b.OrderId();
        b.Refund(at.OpensTomorrow, o1, w, 1, w.Price);
        b.Claim(Type, w, at.OpensTomorrow, 1, SellerBuilder.Round(w.Price), "refunded, never returned", orderId: o1);

        // 2 refunded, 1 returned: 1 owed at the refunded principal per unit.
        var c = b.NewSku();
        var o2 = b.OrderId();
        b.Refund(at.OpensToday, o2, c, 2, c.Price * 2);
        b.Return(at.OpensToday.AddDays(10), o2, c, 1, "SELLABLE", "UNWANTED_ITEM", "Ne correspond pas à la description");
        b.Claim(Type, c, at.OpensToday, 1, SellerBuilder.Round(c.Price), "2 refunded, 1 returned", orderId: o2);

        // Two refund events (19.99 and 20.00; anchor the earlier), 1 unit paid by CustomerServiceIssue:
        // 1 unit × 39.99 / 2 = 19.995, rounded half away from zero to 20.00.
        var h = b.NewSku();
        var o3 = b.OrderId();
        b.Refund(at.ClosesToday, o3, h, 1, 19.99m);
        b.Refund(at.ClosesToday.AddDays(3), o3, h, 1, 20.00m);
        b.Reimburse(at.ClosesToday.AddDays(70), "CustomerServiceIssue", h, 19.99m, 1, orderId: o3, byCase: true);
        b.Claim(Type, h, at.ClosesToday, 1, SellerBuilder.Round((19.99m + 20.00m) / 2), "two refunds, one unit paid by CustomerServiceIssue; half-cent rounding", orderId: o3);

        var e = b.NewSku();
        var o4 = b.OrderId();
        b.Refund(at.ClosedYesterday, o4, e, 1, e.Price);
        b.Claim(Type, e, at.ClosedYesterday, 1, SellerBuilder.Round(e.Price), "refunded, never returned", orderId: o4);

        var back = b.NewSku();
        var o5 = b.OrderId();
        b.Refund(b.AsOf.AddDays(-70), o5, back, 1, back.Price);
        b.Return(b.AsOf.AddDays(-60), o5, back, 1, "SELLABLE");
        b.Decoy(Type, back, "the return arrived", orderId: o5);

        var paid = b.NewSku();
        var o6 = b.OrderId();
        b.Refund(b.AsOf.AddDays(-100), o6, paid, 1, paid.Price);
        var payment = b.Reimburse(b.AsOf.AddDays(-40), "CustomerReturn", paid, paid.Price, 1, orderId: o6);
        b.Decoy(Type, paid, "Amazon paid the missing return (CustomerReturn)", orderId: o6, reimbursementId: payment.ReimbursementId);
    }

    private static void DamagedInTransit(SellerBuilder b)
    {
        const ClaimType Type = ClaimType.ReturnDamagedInTransit;
        var at = PlantAnchors.For(Type, b.AsOf);

        var w = b.NewSku();
        var o1 = b.OrderId();
        b.Refund(at.OpensTomorrow.AddDays(-5), o1, w, 1, w.Price);
        b.Return(at.OpensTomorrow, o1, w, 1, "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER", "Caja aplastada, artículo dañado");
        b.Claim(Type, w, at.OpensTomorrow, 1, SellerBuilder.Round(w.Price), "carrier-damaged return, unpaid", orderId: o1);

        // 2 refunded, 1 returned damaged, 1 CustomerReturn unit: it pays the unit never returned first, none is left for the damage.
        var split = b.NewSku();
        var o2 = b.OrderId();
        b.Refund(at.OpensToday.AddDays(-8), o2, split, 2, split.Price * 2);
        b.Return(at.OpensToday, o2, split, 1, "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER");
        b.Reimburse(at.OpensToday.AddDays(5), "CustomerReturn", split, split.Price, 1, orderId: o2);
        b.Claim(Type, split, at.OpensToday, 1, SellerBuilder.Round(split.Price), "the CustomerReturn unit goes to the unreturned unit first", orderId: o2);

        // Two damaged rows: the anchor is the earlier return-date.
        var two = b.NewSku();
        var o3 = b.OrderId();
        b.Refund(at.ClosesToday.AddDays(-6), o3, two, 2, two.Price * 2);
        b.Return(at.ClosesToday, o3, two, 1, "DAMAGED", "DAMAGED_BY_FC");
        b.Return(at.ClosesToday.AddDays(4), o3, two, 1, "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER");
        b.Claim(Type, two, at.ClosesToday, 2, SellerBuilder.Round(two.Price * 2), "two damaged rows, anchored on the earlier", orderId: o3);

        // No refund event known: the value falls back to the catalog cost.
        var e = b.NewSku();
        var o4 = b.OrderId();
        b.Return(at.ClosedYesterday, o4, e, 1, "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER");
        b.Claim(Type, e, at.ClosedYesterday, 1, b.CostValue(e, at.ClosedYesterday, 1), "no refund event: catalog-cost value", orderId: o4);

        var paid = b.NewSku();
        var o5 = b.OrderId();
        b.Refund(b.AsOf.AddDays(-50), o5, paid, 1, paid.Price);
        b.Return(b.AsOf.AddDays(-45), o5, paid, 1, "DAMAGED", "DAMAGED_BY_FC");
        var payment = b.Reimburse(b.AsOf.AddDays(-20), "CustomerReturn", paid, paid.Price, 1, orderId: o5);
        b.Decoy(Type, paid, "the damaged return was paid (CustomerReturn)", orderId: o5, reimbursementId: payment.ReimbursementId);

        var customer = b.NewSku();
        var o6 = b.OrderId();
        b.Refund(b.AsOf.AddDays(-50), o6, customer, 1, customer.Price);
        b.Return(b.AsOf.AddDays(-45), o6, customer, 1, "CUSTOMER_DAMAGED", "UNWANTED_ITEM");
        b.Decoy(Type, customer, "damaged by the customer, not in transit", orderId: o6);
    }
}
