namespace Opside.Detection.Tests;

public sealed class UnauthorizedDisposalTests
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void A_disposal_without_a_disposal_order_is_claimed()
    {
        var data = new TestData().Adjust(Day, -2, "D");

        Assert.Equal(2, Assert.Single(data.Claims(ClaimType.UnauthorizedDisposal)).Units);
    }

    [Fact]
    public void A_disposal_order_requested_before_covers_it_in_full()
    {
        var data = new TestData().Removal(Day.AddDays(-5), "RMV1", "Disposal", "Completed", Day, 3, disposed: 3).Adjust(Day, -3, "D");

        Assert.Empty(data.Claims(ClaimType.UnauthorizedDisposal));
    }

    [Fact]
    public void Partial_cover_leaves_the_rest_claimed_with_the_order_as_offset()
    {
        var data = new TestData().Removal(Day.AddDays(-5), "RMV1", "Disposal", "Completed", Day, 2, disposed: 2).Adjust(Day, -3, "D");

        var claim = Assert.Single(data.Claims(ClaimType.UnauthorizedDisposal));

        Assert.Equal(1, claim.Units);
        var offset = Assert.Single(claim.Evidence.Offsets);
        Assert.Equal((OffsetKind.DisposalOrder, "RMV1", 2), (offset.Kind, offset.Reference, offset.Units));
    }

    [Fact]
    public void An_order_requested_after_the_disposal_covers_only_later_lots()
    {
        var data = new TestData()
            .Adjust(Day, -2, "D")
            .Removal(Day.AddDays(1), "RMV1", "Disposal", "Completed", Day.AddDays(5), 2, disposed: 2)
            .Adjust(Day.AddDays(5), -2, "D");

        var claim = Assert.Single(data.Claims(ClaimType.UnauthorizedDisposal));

        Assert.Equal((Day, 2), (claim.AnchorDate, claim.Units));
    }

    [Fact]
    public void Unused_cover_carries_to_later_lots_oldest_order_first_and_any_status_counts()
    {
        var data = new TestData()
            .Removal(Day.AddDays(-10), "RMV1", "Disposal", "Pending", Day.AddDays(-10), 5, disposed: 3)
            .Removal(Day.AddDays(-8), "RMV2", "Disposal", "Completed", Day, 2, disposed: 2)
            .Removal(Day.AddDays(-8), "RMV3", "Return", "Completed", Day, 9, disposed: 9)
            .Adjust(Day, -2, "D")
            .Adjust(Day.AddDays(3), -4, "D");

        var claim = Assert.Single(data.Claims(ClaimType.UnauthorizedDisposal));

        // Lot 1 takes 2 of RMV1; lot 2 takes RMV1's last 1 and RMV2's 2: 1 unit uncovered. The Return order is no cover.
        Assert.Equal((Day.AddDays(3), 1), (claim.AnchorDate, claim.Units));
        Assert.Equal([("RMV1", 1), ("RMV2", 2)], claim.Evidence.Offsets.Select(o => (o.Reference, o.Units)));
    }
}
