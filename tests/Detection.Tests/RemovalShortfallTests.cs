namespace Opside.Detection.Tests;

public sealed class RemovalShortfallTests
{
    private static readonly DateOnly Day = new(2026, 8, 1);

    [Fact]
    public void Missing_is_requested_less_cancelled_disposed_shipped_and_in_process_summed_over_the_order_rows()
    {
        var data = new TestData()
            .Removal(Day.AddDays(-15), "RMV1", "Return", "Completed", Day.AddDays(-3), 5, shipped: 5)
            .Removal(Day.AddDays(-15), "RMV1", "Return", "Completed", Day, 10, cancelled: 1, disposed: 2, shipped: 3, inProcess: 1);

        var claim = Assert.Single(data.Claims(ClaimType.RemovalShortfall));

        // 15 − 1 − 2 − 8 − 1 = 3, anchored on the latest last-updated-date.
        Assert.Equal(("RMV1", Day, 3), (claim.RemovalOrderId, claim.AnchorDate, claim.Units));
        Assert.Equal($"RMV1|{TestData.Fnsku}", claim.Key);
        Assert.Equal(2, claim.Evidence.Rows.Count(r => r.Source == "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA"));
    }

    [Fact]
    public void A_disposal_order_completed_with_units_unaccounted_is_a_shortfall_too()
    {
        var data = new TestData().Removal(Day.AddDays(-9), "RMV1", "Disposal", "Completed", Day, 4, disposed: 1);

        Assert.Equal(3, Assert.Single(data.Claims(ClaimType.RemovalShortfall)).Units);
    }

    [Fact]
    public void An_order_not_completed_is_not_claimed()
    {
        var data = new TestData().Removal(Day.AddDays(-9), "RMV1", "Return", "Pending", Day, 5, shipped: 2, inProcess: 1);

        Assert.Empty(data.Claims(ClaimType.RemovalShortfall));
    }

    [Fact]
    public void Removal_order_lost_offsets_only_shortfalls_anchored_on_or_before_it()
    {
        var data = new TestData().Removal(Day.AddDays(-10), "RMV1", "Return", "Completed", Day, 6, disposed: 1, shipped: 2);
        data.Reimburse(Day.AddDays(-1), "R0", "Removal_Order_Lost", 5m, 1);
        data.Reimburse(Day.AddDays(20), "R1", "Removal_Order_Lost", 5m, 1);

        Assert.Equal(2, Assert.Single(data.Claims(ClaimType.RemovalShortfall)).Units);
    }
}
