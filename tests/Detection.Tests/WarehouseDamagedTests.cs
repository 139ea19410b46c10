namespace Opside.Detection.Tests;

public sealed class WarehouseDamagedTests
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void E_6_7_damage_is_claimed_and_the_paired_P_row_is_not_an_offset()
    {
        var data = new TestData().Adjust(Day, -1, "E").Adjust(Day, 1, "P").Adjust(Day, -1, "6").Adjust(Day, -1, "7");

        Assert.Equal(3, Assert.Single(data.Claims(ClaimType.WarehouseDamaged)).Units);
    }

    [Fact]
    public void H_K_U_are_not_claimed_unless_the_seller_opts_in()
    {
        var data = new TestData().Adjust(Day, -1, "H").Adjust(Day, -1, "K").Adjust(Day.AddDays(1), -1, "U");

        Assert.Empty(data.Claims(ClaimType.WarehouseDamaged));
        var claims = data.Claims(ClaimType.WarehouseDamaged, hku: true);
        Assert.Equal([(Day, 2), (Day.AddDays(1), 1)], claims.Select(c => (c.AnchorDate, c.Units)));
    }

    [Fact]
    public void Only_a_damaged_warehouse_payment_without_an_order_id_offsets_a_lot()
    {
        var data = new TestData().Adjust(Day, -3, "E");
        data.Reimburse(Day.AddDays(5), "R1", "Damaged_Warehouse", 5m, 1);
        data.Reimburse(Day.AddDays(5), "R2", "Damaged_Warehouse", 5m, 1, orderId: "111-0000000-0000001");
        data.Reimburse(Day.AddDays(5), "R3", "Lost_Warehouse", 5m, 1);

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseDamaged));

        Assert.Equal(2, claim.Units);
        Assert.Equal("R1", Assert.Single(claim.Evidence.Offsets).Reference);
    }

    [Fact]
    public void Found_units_do_not_offset_damage()
    {
        var data = new TestData().Adjust(Day, -1, "E").Adjust(Day.AddDays(1), 1, "F");

        Assert.Single(data.Claims(ClaimType.WarehouseDamaged));
    }
}
