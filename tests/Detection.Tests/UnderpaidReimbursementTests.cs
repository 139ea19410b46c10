namespace Opside.Detection.Tests;

public sealed class UnderpaidReimbursementTests
{
    private static readonly DateOnly Day = new(2026, 8, 1);
    private static readonly DateOnly Catalog = new(2025, 1, 1);

    [Fact]
    public void A_payment_below_95_percent_of_cost_is_claimed_for_the_difference()
    {
        var data = new TestData().Cost(10m, Catalog);
        data.Reimburse(Day, "R1", "Lost_Warehouse", 6m, 2);

        var claim = Assert.Single(data.Claims(ClaimType.UnderpaidReimbursement));

        Assert.Equal(("R1", Day, 2), (claim.ReimbursementId, claim.AnchorDate, claim.Units));
        Assert.Equal(new Money(8m, "USD"), claim.EstimatedValue);
        Assert.Equal($"R1|{TestData.Fnsku}", claim.Key);
        Assert.Contains(claim.Evidence.Rows, r => r.Source == "CostCatalog" && r.Values["unitCost"] == "10");
    }

    [Theory]
    [InlineData("9.50", false)]
    [InlineData("9.49", true)]
    public void The_tolerance_is_exactly_95_percent(string paid, bool claimed)
    {
        var data = new TestData().Cost(10m, Catalog);
        data.Reimburse(Day, "R1", "Damaged_Warehouse", decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture), 1);

        Assert.Equal(claimed ? 1 : 0, data.Claims(ClaimType.UnderpaidReimbursement).Count);
    }

    [Theory]
    [InlineData("2025-03-09", false)]
    [InlineData("2025-03-10", true)]
    public void Only_payments_approved_in_the_manufacturing_cost_era_are_compared(string approved, bool claimed)
    {
        var day = DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture);
        var data = new TestData().Cost(10m, new DateOnly(2024, 1, 1));
        data.Reimburse(day, "R1", "Lost_Warehouse", 5m, 1);

        Assert.Equal(claimed ? 1 : 0, data.Claims(ClaimType.UnderpaidReimbursement, asOf: day.AddDays(10)).Count);
    }

    [Fact]
    public void Post_order_payments_inventory_only_payments_and_other_reasons_are_not_compared()
    {
        var data = new TestData().Cost(10m, Catalog);
        data.Reimburse(Day, "R1", "Lost_Warehouse", 5m, 1, orderId: "111-0000000-0000001");
        data.Reimburse(Day, "R2", "Lost_Warehouse", 0m, 0, inventory: 1);
        data.Reimburse(Day, "R3", "Lost_Inbound", 5m, 1);

        Assert.Empty(data.Claims(ClaimType.UnderpaidReimbursement));
    }

    [Fact]
    public void Cash_units_are_netted_with_reversals_of_the_row_first()
    {
        var data = new TestData().Cost(10m, Catalog);
        var paid = data.Reimburse(Day, "R1", "Lost_Warehouse", 7m, 3);
        data.Reverse(Day.AddDays(10), "R2", paid, -1, 1);

        var claim = Assert.Single(data.Claims(ClaimType.UnderpaidReimbursement));

        Assert.Equal(2, claim.Units);
        Assert.Equal(new Money(6m, "USD"), claim.EstimatedValue);
    }

    [Fact]
    public void A_row_reversed_to_no_cash_is_not_claimed()
    {
        var data = new TestData().Cost(10m, Catalog);
        var paid = data.Reimburse(Day, "R1", "Lost_Warehouse", 5m, 1);
        data.Reverse(Day.AddDays(10), "R2", paid, -1, 0);

        Assert.Empty(data.Claims(ClaimType.UnderpaidReimbursement));
    }

    [Fact]
    public void The_cost_effective_on_the_approval_date_applies()
    {
        var data = new TestData().Cost(10m, Catalog).Cost(12m, Day.AddDays(-30)).Cost(20m, Day.AddDays(1));
        data.Reimburse(Day, "R1", "Damaged_Warehouse", 6m, 1);

        Assert.Equal(new Money(6m, "USD"), Assert.Single(data.Claims(ClaimType.UnderpaidReimbursement)).EstimatedValue);
    }

    [Fact]
    public void Two_item_rows_of_one_reimbursement_and_fnsku_are_one_claim()
    {
        var data = new TestData().Cost(10m, Catalog);
        data.Reimburse(Day, "R1", "Lost_Warehouse", 6m, 1);
        data.Reimburse(Day, "R1", "Lost_Warehouse", 7m, 2);

        var claim = Assert.Single(data.Claims(ClaimType.UnderpaidReimbursement));

        Assert.Equal((3, new Money(10m, "USD")), (claim.Units, claim.EstimatedValue));
    }

    [Fact]
    public void Without_a_documented_cost_nothing_is_claimed()
    {
        var data = new TestData();
        data.Reimburse(Day, "R1", "Lost_Warehouse", 0.01m, 1);

        Assert.Empty(data.Claims(ClaimType.UnderpaidReimbursement));
    }
}
