namespace Opside.Detection.Tests;

public sealed class CustomerReturnTests
{
    private const string Order = "111-2223334-4445556";
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void A_refund_never_returned_is_claimed_at_the_refunded_principal()
    {
        var data = new TestData().Refund(Day, Order, 1, 24.99m);

        var claim = Assert.Single(data.Claims(ClaimType.CustomerReturnNotReceived));

        Assert.Equal((Order, TestData.Sku, Day, 1), (claim.OrderId, claim.Sku, claim.AnchorDate, claim.Units));
        Assert.Equal(new Money(24.99m, "USD"), claim.EstimatedValue);
        Assert.Equal($"{Order}|{TestData.Sku}", claim.Key);
    }

    [Fact]
    public void Every_returned_unit_counts_whatever_its_date_or_disposition()
    {
        var data = new TestData().Refund(Day, Order, 3, 30m)
            .Return(Day.AddDays(-2), Order, 1, "SELLABLE")
            .Return(Day.AddDays(40), Order, 1, "CUSTOMER_DAMAGED");

        var claim = Assert.Single(data.Claims(ClaimType.CustomerReturnNotReceived));

        Assert.Equal(1, claim.Units);
        Assert.Equal(new Money(10m, "USD"), claim.EstimatedValue);
        Assert.Equal(TestData.Fnsku, claim.Fnsku);
        Assert.Equal(2, claim.Evidence.Offsets.Count(o => o.Kind == OffsetKind.ReturnedUnits));
    }

    [Fact]
    public void Two_refunds_anchor_on_the_earlier_and_value_rounds_half_away_from_zero()
    {
        var data = new TestData().Refund(Day.AddDays(3), Order, 1, 20.00m).Refund(Day, Order, 1, 19.99m);
        data.Reimburse(Day.AddDays(70), "R1", "CustomerServiceIssue", 19.99m, 1, orderId: Order);

        var claim = Assert.Single(data.Claims(ClaimType.CustomerReturnNotReceived));

        // 1 × 39.99 / 2 = 19.995 → 20.00.
        Assert.Equal((Day, 1), (claim.AnchorDate, claim.Units));
        Assert.Equal(new Money(20.00m, "USD"), claim.EstimatedValue);
    }

    [Fact]
    public void A_customer_return_payment_settles_the_unreturned_unit()
    {
        var data = new TestData().Refund(Day, Order, 1, 15m);
        data.Reimburse(Day.AddDays(50), "R1", "CustomerReturn", 15m, 1, orderId: Order);

        Assert.Empty(data.Claims(ClaimType.CustomerReturnNotReceived));
    }

    [Fact]
    public void A_carrier_damaged_return_is_claimed_anchored_on_the_earliest_damaged_row()
    {
        var data = new TestData().Refund(Day.AddDays(-6), Order, 2, 50m)
            .Return(Day.AddDays(4), Order, 1, "CARRIER_DAMAGED")
            .Return(Day, Order, 1, "DAMAGED");

        var claim = Assert.Single(data.Claims(ClaimType.ReturnDamagedInTransit));

        Assert.Equal((Day, 2, TestData.Fnsku), (claim.AnchorDate, claim.Units, claim.Fnsku));
        Assert.Equal(new Money(50m, "USD"), claim.EstimatedValue);
        Assert.Empty(data.Claims(ClaimType.CustomerReturnNotReceived));
    }

    [Fact]
    public void Customer_damage_is_not_damage_in_transit()
    {
        var data = new TestData().Refund(Day, Order, 1, 50m).Return(Day, Order, 1, "CUSTOMER_DAMAGED");

        Assert.Empty(data.Detect().Claims);
    }

    [Fact]
    public void A_customer_return_unit_pays_the_unreturned_unit_before_the_damaged_one()
    {
        var data = new TestData().Refund(Day.AddDays(-8), Order, 2, 40m).Return(Day, Order, 1, "CARRIER_DAMAGED");
        data.Reimburse(Day.AddDays(5), "R1", "CustomerReturn", 20m, 1, orderId: Order);

        var claims = data.Detect().Claims;

        var claim = Assert.Single(claims);
        Assert.Equal((ClaimType.ReturnDamagedInTransit, 1), (claim.Type, claim.Units));
    }

    [Fact]
    public void Customer_return_units_beyond_the_unreturned_ones_pay_the_damage()
    {
        var data = new TestData().Refund(Day.AddDays(-8), Order, 2, 40m).Return(Day, Order, 1, "CARRIER_DAMAGED");
        data.Reimburse(Day.AddDays(5), "R1", "CustomerReturn", 20m, 2, orderId: Order);

        Assert.Empty(data.Detect().Claims);
    }

    [Fact]
    public void A_damaged_warehouse_payment_with_the_order_id_pays_the_damaged_return_not_a_warehouse_lot()
    {
        var data = new TestData().Refund(Day.AddDays(-8), Order, 1, 40m).Return(Day, Order, 1, "CARRIER_DAMAGED").Adjust(Day, -1, "E");
        data.Reimburse(Day.AddDays(5), "R1", "Damaged_Warehouse", 40m, 1, orderId: Order);

        var claim = Assert.Single(data.Detect().Claims);

        Assert.Equal(ClaimType.WarehouseDamaged, claim.Type);
    }

    [Fact]
    public void A_damaged_return_without_a_refund_is_valued_at_catalog_cost()
    {
        var data = new TestData().Cost(7.5m, new DateOnly(2025, 1, 1)).Return(Day, Order, 2, "CARRIER_DAMAGED");

        var claim = Assert.Single(data.Claims(ClaimType.ReturnDamagedInTransit));

        Assert.Equal(new Money(15m, "USD"), claim.EstimatedValue);
    }
}
