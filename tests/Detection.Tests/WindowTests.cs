namespace Opside.Detection.Tests;

public sealed class WindowTests
{
    private static readonly DateOnly Anchor = new(2026, 5, 10);

    [Theory]
    [InlineData(44, ClaimStatus.Watching)]
    [InlineData(45, ClaimStatus.Claimable)]
    [InlineData(60, ClaimStatus.Claimable)]
    [InlineData(61, ClaimStatus.Expired)]
    public void Lost_window_is_45_to_60_days_both_ends_inclusive(int daysAfter, ClaimStatus status)
    {
        var data = new TestData().Adjust(Anchor, -1, "M");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost, asOf: Anchor.AddDays(daysAfter)));

        Assert.Equal((Anchor.AddDays(45), Anchor.AddDays(60), status), (claim.WindowOpens, claim.WindowCloses, claim.Status));
    }

    [Theory]
    [InlineData(ClaimType.WarehouseDamaged, 45, 60)]
    [InlineData(ClaimType.UnauthorizedDisposal, 7, 60)]
    [InlineData(ClaimType.CustomerReturnNotReceived, 60, 120)]
    [InlineData(ClaimType.ReturnDamagedInTransit, 30, 90)]
    [InlineData(ClaimType.InboundShortage, 15, 60)]
    [InlineData(ClaimType.RemovalShortfall, 15, 75)]
    [InlineData(ClaimType.UnderpaidReimbursement, 0, 60)]
    public void Every_type_moves_from_watching_to_claimable_to_expired_on_its_boundaries(ClaimType type, int opens, int closes)
    {
        var data = Planted(type);
        ClaimStatus StatusOn(int daysAfter) => Assert.Single(data.Claims(type, asOf: Anchor.AddDays(daysAfter))).Status;

        if (opens > 0)
        {
            Assert.Equal(ClaimStatus.Watching, StatusOn(opens - 1));
        }
        Assert.Equal(ClaimStatus.Claimable, StatusOn(opens));
        Assert.Equal(ClaimStatus.Claimable, StatusOn(closes));
        Assert.Equal(ClaimStatus.Expired, StatusOn(closes + 1));
        var claim = Assert.Single(data.Claims(type));
        Assert.Equal((Anchor, Anchor.AddDays(opens), Anchor.AddDays(closes)), (claim.AnchorDate, claim.WindowOpens, claim.WindowCloses));
    }

    /// <summary>One claim of <paramref name="type"/> anchored on <see cref="Anchor"/>.</summary>
    private static TestData Planted(ClaimType type)
    {
        const string Order = "111-2223334-4445556";
        var data = new TestData().Cost(10m, new DateOnly(2025, 1, 1));
        switch (type)
        {
            case ClaimType.WarehouseDamaged:
                data.Adjust(Anchor, -1, "E");
                break;
            case ClaimType.UnauthorizedDisposal:
                data.Adjust(Anchor, -1, "D");
                break;
            case ClaimType.CustomerReturnNotReceived:
                data.Refund(Anchor, Order, 1, 30m);
                break;
            case ClaimType.ReturnDamagedInTransit:
                data.Refund(Anchor.AddDays(-3), Order, 1, 30m).Return(Anchor, Order, 1, "CARRIER_DAMAGED");
                break;
            case ClaimType.InboundShortage:
                data.Shipment("FBA1", "CLOSED", (TestData.Fnsku, TestData.Sku, 10, 9)).Receipt(Anchor, "FBA1", 9);
                break;
            case ClaimType.RemovalShortfall:
                data.Removal(Anchor.AddDays(-5), "RMV1", "Return", "Completed", Anchor, 3, shipped: 2);
                break;
            case ClaimType.UnderpaidReimbursement:
                data.Adjust(Anchor.AddDays(-20), -1, "M");
                data.Reimburse(Anchor, "R1", "Lost_Warehouse", 5m, 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
        return data;
    }
}
