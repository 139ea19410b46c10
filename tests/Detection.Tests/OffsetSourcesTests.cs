namespace Opside.Detection.Tests;

/// <summary>Claim types are withheld while a source that could show them paid, found or covered holds no rows.</summary>
public sealed class OffsetSourcesTests
{
    private static readonly DateOnly Day = TestData.AsOf.AddDays(-50);

    [Fact]
    public void A_ledger_alone_withholds_every_type_a_payment_or_a_removal_order_could_offset()
    {
        var data = new TestData().Adjust(Day, -2, "M").Adjust(Day, -1, "E").ToSellerData();

        var withheld = OffsetSources.Missing(data);

        Assert.Equal(
            [ClaimType.WarehouseLost, ClaimType.WarehouseDamaged, ClaimType.UnauthorizedDisposal, ClaimType.CustomerReturnNotReceived,
             ClaimType.ReturnDamagedInTransit, ClaimType.InboundShortage, ClaimType.RemovalShortfall],
            withheld.Order());
        // The ledger's losses are found by the rules, and would be claimed but for the missing payments.
        Assert.NotEmpty(ClaimDetector.Detect(TestData.Seller, data, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, TestData.AsOf).Claims);
    }

    [Fact]
    public void Payments_release_the_ledger_types_and_returns_and_removal_orders_release_theirs()
    {
        var paid = new TestData().Adjust(Day, -2, "M");
        paid.Reimburse(Day.AddDays(-300), "9000000001", "Lost_Warehouse", 5m, 1, fnsku: "X00OTHER001");
        var withPayments = OffsetSources.Missing(paid.ToSellerData());
        var everything = OffsetSources.Missing(paid
            .Return(Day, "111-0000001-0000001", 1, "SELLABLE")
            .Removal(Day, "RMV0000001", "Disposal", "Completed", Day, 1, disposed: 1)
            .ToSellerData());

        Assert.Equal([ClaimType.UnauthorizedDisposal, ClaimType.CustomerReturnNotReceived], withPayments.Order());
        Assert.Empty(everything);
    }
}
