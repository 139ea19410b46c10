namespace Opside.Detection.Tests;

public sealed class WarehouseLostTests
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    [Fact]
    public void Rows_of_one_date_form_one_lot_and_identical_rows_both_count()
    {
        var data = new TestData().Cost(4m, new DateOnly(2025, 1, 1))
            .Adjust(Day, -1, "M").Adjust(Day, -1, "M").Adjust(Day, -1, "5");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal(3, claim.Units);
        Assert.Equal(Day, claim.AnchorDate);
        Assert.Equal($"{TestData.Fnsku}|2026-07-01", claim.Key);
        Assert.Equal(new Money(12m, "USD"), claim.EstimatedValue);
        Assert.Equal(3, claim.Evidence.Rows.Count(r => r.Source == "GET_LEDGER_DETAIL_VIEW_DATA"));
        Assert.Empty(claim.Evidence.Offsets);
    }

    [Fact]
    public void Found_units_take_the_oldest_lot_first_and_spill_into_the_next()
    {
        var data = new TestData()
            .Adjust(Day, -1, "M").Adjust(Day.AddDays(10), -2, "M")
            .Adjust(Day.AddDays(11), 2, "F");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal(Day.AddDays(10), claim.AnchorDate);
        Assert.Equal(1, claim.Units);
        var offset = Assert.Single(claim.Evidence.Offsets);
        Assert.Equal((OffsetKind.FoundUnits, 1, Day.AddDays(11)), (offset.Kind, offset.Units, offset.Date));
    }

    [Fact]
    public void An_offset_only_takes_lots_dated_on_or_before_it_and_the_rest_is_dropped()
    {
        // N +3 between the lots: 1 fills the first lot, 2 cannot go to the later lot and are dropped.
        var data = new TestData()
            .Adjust(Day.AddDays(-5), 1, "F")
            .Adjust(Day, -1, "M")
            .Adjust(Day.AddDays(3), 3, "N")
            .Adjust(Day.AddDays(5), -2, "M");

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal((Day.AddDays(5), 2), (claim.AnchorDate, claim.Units));
    }

    [Fact]
    public void A_found_unit_on_the_lot_date_offsets_it()
    {
        var data = new TestData().Adjust(Day, -1, "M").Adjust(Day, 1, "F");

        Assert.Empty(data.Claims(ClaimType.WarehouseLost));
    }

    [Fact]
    public void A_lost_warehouse_payment_offsets_at_its_approval_date()
    {
        var data = new TestData().Adjust(Day, -2, "M");
        data.Reimburse(Day.AddDays(20), "R1", "Lost_Warehouse", 5m, 1);

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal(1, claim.Units);
        var offset = Assert.Single(claim.Evidence.Offsets);
        Assert.Equal((OffsetKind.Reimbursement, "R1", "Lost_Warehouse", 1), (offset.Kind, offset.Reference, offset.Reason, offset.Units));
    }

    [Fact]
    public void A_payment_approved_before_the_loss_offsets_nothing()
    {
        var data = new TestData().Adjust(Day, -1, "M");
        data.Reimburse(Day.AddDays(-1), "R1", "Lost_Warehouse", 5m, 1);

        Assert.Equal(1, Assert.Single(data.Claims(ClaimType.WarehouseLost)).Units);
    }

    [Fact]
    public void A_cash_back_inventory_back_reversal_nets_to_zero_so_the_lot_stays_paid()
    {
        var data = new TestData().Adjust(Day, -2, "M");
        var paid = data.Reimburse(Day.AddDays(20), "R1", "Lost_Warehouse", 5m, 2);
        data.Reverse(Day.AddDays(30), "R2", paid, -1, 1);

        Assert.Empty(data.Claims(ClaimType.WarehouseLost));
    }

    [Fact]
    public void A_cash_back_only_reversal_makes_the_lot_owed_again_and_is_named_in_the_offset()
    {
        var data = new TestData().Adjust(Day, -2, "M");
        var paid = data.Reimburse(Day.AddDays(20), "R1", "Lost_Warehouse", 5m, 2);
        data.Reverse(Day.AddDays(30), "R2", paid, -1, 0);

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal(1, claim.Units);
        Assert.Equal(["R2"], Assert.Single(claim.Evidence.Offsets).NettedReversalIds);
    }

    [Fact]
    public void A_reversal_of_a_several_item_reimbursement_nets_into_the_item_with_its_asin()
    {
        // R1 pays two FNSKUs; the reversal carries the ASIN of the second as its FNSKU.
        var data = new TestData().Adjust(Day, -1, "M").Adjust(Day, -1, "M", fnsku: "X00OTHER001", sku: "OT-0001-BLU");
        data.Reimburse(Day.AddDays(20), "R1", "Lost_Warehouse", 5m, 1);
        var other = data.Reimburse(Day.AddDays(20), "R1", "Lost_Warehouse", 6m, 1, fnsku: "X00OTHER001", sku: "OT-0001-BLU", asin: "B0OTHER0001");
        data.Reverse(Day.AddDays(30), "R2", other, -1, 0);

        var claim = Assert.Single(data.Claims(ClaimType.WarehouseLost));

        Assert.Equal("X00OTHER001", claim.Fnsku);
        Assert.Equal("OT-0001-BLU", claim.Sku);
    }

    [Fact]
    public void A_reversal_whose_original_is_not_in_the_data_offsets_nothing()
    {
        var data = new TestData().Adjust(Day, -1, "M");
        var unseen = new TestData().Reimburse(Day.AddDays(20), "R9", "Lost_Warehouse", 5m, 1);
        data.Reverse(Day.AddDays(30), "R10", unseen, -1, 1);

        Assert.Equal(1, Assert.Single(data.Claims(ClaimType.WarehouseLost)).Units);
    }

    [Fact]
    public void Found_rows_and_positive_loss_codes_are_not_lots()
    {
        var data = new TestData().Adjust(Day, 2, "M").Adjust(Day, 1, "F").Adjust(Day, -1, "G");

        Assert.Empty(data.Claims(ClaimType.WarehouseLost));
    }
}
