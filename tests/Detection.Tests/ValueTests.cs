namespace Opside.Detection.Tests;

public sealed class ValueTests
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void The_catalog_row_effective_on_the_anchor_date_applies()
    {
        var data = new TestData().Cost(3m, new DateOnly(2025, 1, 1)).Cost(4m, Day).Cost(9m, Day.AddDays(1)).Adjust(Day, -2, "M");

        Assert.Equal(new Money(8m, "USD"), Assert.Single(data.Claims(ClaimType.WarehouseLost)).EstimatedValue);
    }

    [Fact]
    public void A_catalog_row_effective_only_after_the_anchor_falls_back_to_the_median()
    {
        var data = new TestData().Cost(9m, Day.AddDays(1)).Adjust(Day, -1, "M");
        data.Reimburse(Day.AddDays(-100), "R1", "Lost_Warehouse", 5m, 1);

        Assert.Equal(new Money(5m, "USD"), Assert.Single(data.Claims(ClaimType.WarehouseLost)).EstimatedValue);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_payment()
    {
        var data = new TestData().Adjust(Day, -3, "M");
        data.Reimburse(Day.AddDays(-300), "R1", "Lost_Warehouse", 9m, 1);
        data.Reimburse(Day.AddDays(-200), "R2", "CustomerReturn", 2m, 1, orderId: "111-0000000-0000001");
        data.Reimburse(Day.AddDays(-100), "R3", "Damaged_Warehouse", 4.333m, 1);

        Assert.Equal(new Money(13.00m, "USD"), Assert.Single(data.Claims(ClaimType.WarehouseLost)).EstimatedValue);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_rounds_half_away_from_zero()
    {
        // Middle two 4.00 and 4.01: 4.005 per unit × 1 → 4.01 (banker's rounding would give 4.00).
        var data = new TestData().Adjust(Day, -1, "M");
        data.Reimburse(Day.AddDays(-300), "R1", "Lost_Warehouse", 1m, 1);
        data.Reimburse(Day.AddDays(-200), "R2", "Lost_Warehouse", 4m, 1);
        data.Reimburse(Day.AddDays(-150), "R3", "Lost_Warehouse", 4.01m, 1);
        data.Reimburse(Day.AddDays(-100), "R4", "Lost_Warehouse", 50m, 1);

        Assert.Equal(new Money(4.01m, "USD"), Assert.Single(data.Claims(ClaimType.WarehouseLost)).EstimatedValue);
    }

    [Fact]
    public void The_median_ignores_reversals_inventory_only_rows_and_payments_after_as_of()
    {
        var data = new TestData().Adjust(Day, -1, "M");
        var paid = data.Reimburse(Day.AddDays(-300), "R1", "Lost_Warehouse", 6m, 1);
        data.Reverse(Day.AddDays(-290), "R2", paid, -1, 1);
        data.Reimburse(Day.AddDays(-200), "R3", "Lost_Warehouse", 0m, 0, inventory: 1);
        data.Reimburse(TestData.AsOf.AddDays(1), "R4", "CustomerReturn", 100m, 1, orderId: "111-0000000-0000001");

        Assert.Equal(new Money(6m, "USD"), Assert.Single(data.Claims(ClaimType.WarehouseLost)).EstimatedValue);
    }

    [Fact]
    public void Without_a_cost_or_a_payment_the_value_is_unknown_and_a_cost_document_is_asked_for()
    {
        var data = new TestData().Adjust(Day, -1, "E");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseDamaged));

        Assert.Null(claim.EstimatedValue);
        Assert.True(claim.NeedsCostDocument);
    }
}
