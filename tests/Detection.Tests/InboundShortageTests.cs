namespace Opside.Detection.Tests;

public sealed class InboundShortageTests
{
    private static readonly DateOnly Day = new(2026, 8, 1);

    [Fact]
    public void A_closed_shipment_short_is_claimed_anchored_on_its_latest_receipt_of_any_fnsku()
    {
        var data = new TestData()
            .Shipment("FBA1", "CLOSED", (TestData.Fnsku, TestData.Sku, 24, 20), ("X00OTHER001", "OT-0001-BLU", 12, 12))
            .Receipt(Day.AddDays(-3), "FBA1", 20).Receipt(Day, "FBA1", 12, fnsku: "X00OTHER001", sku: "OT-0001-BLU");

        var claim = Assert.Single(data.Claims(ClaimType.InboundShortage));

        Assert.Equal(("FBA1", TestData.Fnsku, Day, 4), (claim.ShipmentId, claim.Fnsku, claim.AnchorDate, claim.Units));
        Assert.Equal($"FBA1|{TestData.Fnsku}", claim.Key);
        Assert.Empty(data.Detect().NeedsReview);
    }

    [Fact]
    public void A_shipment_that_is_not_closed_is_not_claimed()
    {
        var data = new TestData().Shipment("FBA1", "RECEIVING", (TestData.Fnsku, TestData.Sku, 24, 10)).Receipt(Day, "FBA1", 10);

        var result = data.Detect();

        Assert.Empty(result.Claims);
        Assert.Empty(result.NeedsReview);
    }

    [Fact]
    public void A_closed_shortage_without_a_receipt_row_needs_review_and_is_never_claimed()
    {
        var data = new TestData().Shipment("FBA1", "CLOSED", (TestData.Fnsku, TestData.Sku, 10, 0), ("X00OTHER001", "OT-0001-BLU", 5, 5));

        var result = data.Detect();

        Assert.Empty(result.Claims);
        var review = Assert.Single(result.NeedsReview);
        Assert.Equal(("FBA1", TestData.Fnsku, TestData.Sku, 10), (review.ShipmentId, review.Fnsku, review.Sku, review.Shortage));
    }

    [Fact]
    public void Lost_inbound_offsets_shortages_anchored_on_or_before_it_in_anchor_order()
    {
        var data = new TestData()
            .Shipment("FBA1", "CLOSED", (TestData.Fnsku, TestData.Sku, 30, 25)).Receipt(Day, "FBA1", 25)
            .Shipment("FBA2", "CLOSED", (TestData.Fnsku, TestData.Sku, 10, 8)).Receipt(Day.AddDays(20), "FBA2", 8);
        data.Reimburse(Day.AddDays(-3), "R1", "Lost_Inbound", 5m, 1);
        data.Reimburse(Day.AddDays(10), "R2", "Lost_Inbound", 5m, 2);
        data.Reimburse(Day.AddDays(25), "R3", "Lost_Inbound", 5m, 4);

        var claims = data.Claims(ClaimType.InboundShortage);

        // R1 predates every anchor (dropped); R2 takes 2 of FBA1; R3 takes FBA1's other 3 and spills 1 into FBA2.
        var claim = Assert.Single(claims);
        Assert.Equal(("FBA2", 1), (claim.ShipmentId, claim.Units));
        Assert.Equal([("R3", 1)], claim.Evidence.Offsets.Select(o => (o.Reference, o.Units)));
    }
}
