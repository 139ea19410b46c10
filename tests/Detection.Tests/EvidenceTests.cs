namespace Opside.Detection.Tests;

public sealed class EvidenceTests
{
    [Fact]
    public void Ledger_rows_are_printed_as_amazon_prints_them_keyed_by_column_name()
    {
        var data = new TestData().Adjust(new DateOnly(2026, 5, 10), -1, "M", reference: "13895071006");

        var row = Assert.Single(Assert.Single(data.Claims(ClaimType.WarehouseLost)).Evidence.Rows);

        Assert.Equal("GET_LEDGER_DETAIL_VIEW_DATA", row.Source);
        Assert.Equal("05/10/2026", row.Values["Date"]);
        Assert.Equal("M", row.Values["Reason"]);
        Assert.Equal("-1", row.Values["Quantity"]);
        Assert.Equal("13895071006", row.Values["Reference ID"]);
        Assert.Equal("Adjustments", row.Values["Event Type"]);
    }

    [Fact]
    public void Reimbursement_offsets_and_rows_carry_their_ids_and_printed_values()
    {
        var data = new TestData().Cost(10m, new DateOnly(2025, 1, 1));
        var paid = data.Reimburse(new DateOnly(2026, 8, 1), "2837465910", "Lost_Warehouse", 6.50m, 1);
        data.Reverse(new DateOnly(2026, 8, 5), "2837465999", paid, 0, 0);

        var claim = Assert.Single(data.Claims(ClaimType.UnderpaidReimbursement));

        var row = claim.Evidence.Rows.First(r => r.Source == "GET_FBA_REIMBURSEMENTS_DATA");
        Assert.Equal("2837465910", row.Values["reimbursement-id"]);
        Assert.Equal("6.50", row.Values["amount-per-unit"]);
        Assert.Equal("2026-08-01T12:00:00+00:00", row.Values["approval-date"]);
        Assert.Contains(claim.Evidence.Rows, r => r.Values.GetValueOrDefault("reimbursement-id") == "2837465999");
    }
}
