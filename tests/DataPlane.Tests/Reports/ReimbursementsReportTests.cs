using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class ReimbursementsReportTests
{
    private static ReportParse<ReimbursementRow> Parse(string text) =>
        AmazonReports.Reimbursements.Parse(Bytes(text), "text/plain", gzipDeclared: false);

    // Shaped like the real US export described in the samples README: unquoted, commas and parentheses in product
    // names, a reversal row, and no newline after the last row (which ends in two empty fields).
    private static readonly string RealShaped = string.Join('\n',
        Plain(ReimbursementsHeader),
        Plain("2025-10-31T13:47:11+00:00", "7412007714", "", "114-4870650-0923418", "CustomerReturn", "RG-0042-14K", "X0034ABCDE", "B0C1234567", "14K Gold Ring (F-G, SI2-I1, 1/2 cttw), Size 7", "NewItem", "USD", "290.83", "290.83", "1", "0", "1", "", ""),
        Plain("2025-10-30T09:12:40+00:00", "7411995001", "", "", "Lost_Warehouse", "RG-0042-14K", "X0034ABCDE", "B0C1234567", "14K Gold Ring (F-G, SI2-I1, 1/2 cttw), Size 7", "NewItem", "USD", "1482.49", "2964.98", "2", "0", "2", "", ""),
        Plain("2025-10-29T17:02:41+00:00", "7411900123", "", "", "Reimbursement_Reversal", "Amazon.Found.B0C1234567", "B0C1234567", "B0C1234567", "14K Gold Ring (F-G, SI2-I1, 1/2 cttw), Size 7", "NewItem", "USD", "-175.84", "-175.84", "-1", "1", "0", "7400012345", "CustomerReturn"));

    [Fact]
    public void An_unquoted_export_without_a_final_newline_reads_every_row()
    {
        var result = Parse(RealShaped);

        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(
            new ReimbursementRow(new DateTimeOffset(2025, 10, 31, 13, 47, 11, TimeSpan.Zero), "7412007714", "", "114-4870650-0923418", "CustomerReturn",
                "RG-0042-14K", "X0034ABCDE", "B0C1234567", "14K Gold Ring (F-G, SI2-I1, 1/2 cttw), Size 7", "NewItem", "USD", 290.83m, 290.83m, 1, 0, 1, "", ""),
            result.Rows[0]);
    }

    [Fact]
    public void A_reversal_row_keeps_its_found_SKU_negative_amounts_and_signed_quantities()
    {
        var reversal = Parse(RealShaped).Rows[2];

        Assert.Equal("Amazon.Found.B0C1234567", reversal.Sku);
        Assert.Equal("B0C1234567", reversal.Fnsku);
        Assert.Equal(-175.84m, reversal.AmountPerUnit);
        Assert.Equal(-175.84m, reversal.AmountTotal);
        Assert.Equal((-1, 1, 0), (reversal.QuantityReimbursedCash, reversal.QuantityReimbursedInventory, reversal.QuantityReimbursedTotal));
        Assert.Equal(("7400012345", "CustomerReturn"), (reversal.OriginalReimbursementId, reversal.OriginalReimbursementType));
    }

    [Fact]
    public void A_bare_inch_mark_in_an_unquoted_product_name_does_not_swallow_the_lines_after_it()
    {
        var text = Lines(
            Plain(ReimbursementsHeader),
            Plain("2026-03-16T09:59:13+00:00", "7384512390", "", "", "Lost_Warehouse", "TV-55", "X001TV0055", "B0TV000055", "Stand for 55\" TV, Black", "NewItem", "USD", "61.20", "61.20", "1", "0", "1", "", ""),
            Plain("2026-03-17T09:59:13+00:00", "7384512391", "", "", "Lost_Warehouse", "TV-65", "X001TV0065", "B0TV000065", "Stand for 65\" TV", "NewItem", "USD", "71.20", "71.20", "1", "0", "1", "", ""));

        var result = Parse(text);

        Assert.Empty(result.Rejected);
        Assert.Equal(["Stand for 55\" TV, Black", "Stand for 65\" TV"], result.Rows.Select(r => r.ProductName));
    }

    [Theory]
    [InlineData("4,10", "4.10")]
    [InlineData("-6,12", "-6.12")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("19.43", "19.43")]
    public void EU_comma_decimals_are_read_when_unambiguous(string printed, string expected)
    {
        var text = Lines(
            Plain(ReimbursementsHeader),
            Plain("2026-04-22T17:02:41+00:00", "7401299871", "15678123451", "", "Lost_Warehouse", "AB-1", "X001ABC123", "B0ABCDEF12", "Widget", "NewItem", "EUR", printed, printed, "1", "0", "1", "", ""));

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), row.AmountPerUnit);
    }

    [Fact]
    public void A_lone_comma_before_three_digits_is_ambiguous_and_rejected()
    {
        var text = Lines(
            Plain(ReimbursementsHeader),
            Plain("2026-04-22T17:02:41+00:00", "7401299871", "", "", "Lost_Warehouse", "AB-1", "X001ABC123", "B0ABCDEF12", "Widget", "NewItem", "EUR", "1,234", "1,234", "1", "0", "1", "", ""));

        var rejected = Assert.Single(Parse(text).Rejected);

        Assert.Equal(2, rejected.Line);
        Assert.StartsWith("column 'amount-per-unit': '1,234' is not an amount", rejected.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-12T09:59:13+00:00", "2026-05-12T09:59:13+00:00")]
    [InlineData("2026-05-12T09:59:13Z", "2026-05-12T09:59:13+00:00")]
    [InlineData("2026-05-12T09:59:13-0700", "2026-05-12T09:59:13-07:00")]
    [InlineData("2026-05-12T09:59:13.250+02:00", "2026-05-12T09:59:13.250+02:00")]
    [InlineData("2026-05-12", "2026-05-12T00:00:00+00:00")]
    public void Approval_dates_are_read_with_their_offset_and_a_date_alone_is_UTC(string printed, string expected)
    {
        var text = Lines(
            Plain(ReimbursementsHeader),
            Plain(printed, "7401299871", "", "", "Lost_Warehouse", "AB-1", "X001ABC123", "B0ABCDEF12", "Widget", "NewItem", "USD", "1.00", "1.00", "1", "0", "1", "", ""));

        var row = Assert.Single(Parse(text).Rows);

        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((want, want.Offset), (row.ApprovalDate, row.ApprovalDate.Offset));
    }
}
