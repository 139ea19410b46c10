using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class LedgerDetailReportTests
{
    private static ReportParse<LedgerEvent> Parse(string text) => AmazonReports.LedgerDetail.Parse(Bytes(text), Utf8, gzipDeclared: false);

    [Fact]
    public void Quoted_rows_are_read_by_header_name_into_typed_values()
    {
        var result = Parse(LedgerTemplate());

        Assert.Empty(result.Rejected);
        Assert.Equal(4, result.Rows.Count);
        Assert.Equal(
            new LedgerEvent(new DateOnly(2026, 3, 4), "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Adjustments",
                "13895071006", -2, "ONT8", "SELLABLE", "M", "US", 1, 1, new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.FromHours(-8)), ""),
            result.Rows[0]);
        Assert.Null(result.Rows[1].ReconciledQuantity);
        Assert.Null(result.Rows[1].UnreconciledQuantity);
        Assert.Equal(TimeSpan.FromHours(-7), result.Rows[1].DateAndTime!.Value.Offset);
        Assert.Equal("FBA17ABCD123", result.Rows[2].ReferenceId);
        Assert.Equal("", result.Rows[3].ReferenceId);
        Assert.Equal(-1, result.Rows[3].Quantity);
    }

    [Fact]
    public void CRLF_line_endings_read_the_same_as_LF()
    {
        Assert.Equal(Parse(LedgerTemplate("\n")).Rows, Parse(LedgerTemplate("\r\n")).Rows);
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_quotes_stay_in_the_field_and_line_numbers_count_them()
    {
        var text = Lines(
            Quoted(LedgerHeader),
            Quoted("03/04/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Widget\twith a tab and\r\na line break, 12\" wide", "Adjustments", "1", "-1", "ONT8", "SELLABLE", "M", "US", "", "", "", ""),
            Quoted("13/40/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Widget", "Adjustments", "2", "-1", "ONT8", "SELLABLE", "M", "US", "", "", "", ""));

        var result = Parse(text);

        var row = Assert.Single(result.Rows);
        Assert.Equal("Widget\twith a tab and\r\na line break, 12\" wide", row.Title);
        // The first row spans lines 2-3, so the bad one is on line 4.
        Assert.Equal(4, Assert.Single(result.Rejected).Line);
    }

    [Fact]
    public void Identical_rows_are_separate_events_and_both_kept()
    {
        var line = Quoted("03/12/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "-1", "PHX7", "SELLABLE", "", "US", "", "", "2026-03-12T00:00:00-0700", "");

        var result = Parse(Lines(Quoted(LedgerHeader), line, line));

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(result.Rows[0], result.Rows[1]);
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_and_unknown_columns_are_ignored()
    {
        var text = Lines(
            Quoted("Quantity", "Reason", "Internal Note", "Date", "MSKU", "FNSKU", "Event Type", "Reference ID", "Fulfillment Center", "Disposition"),
            Quoted("-3", "E", "whatever", "11/30/2025", "AB-1", "X00AAAAAAA", "Adjustments", "777", "MDW2", "SELLABLE"));

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(new LedgerEvent(new DateOnly(2025, 11, 30), "X00AAAAAAA", "", "AB-1", "", "Adjustments", "777", -3, "MDW2", "SELLABLE", "E", "", null, null, null, ""), row);
    }

    [Fact]
    public void A_missing_required_column_names_the_report_and_every_missing_column()
    {
        var header = LedgerHeader.Where(h => h is not ("FNSKU" or "Reason")).ToArray();

        var error = Assert.Throws<ReportFormatException>(() => Parse(Lines(Quoted(header))));

        Assert.Contains("GET_LEDGER_DETAIL_VIEW_DATA", error.Message, StringComparison.Ordinal);
        Assert.Contains("'FNSKU', 'Reason'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_that_fail_are_rejected_with_their_line_and_the_column_and_value_at_fault()
    {
        var good = Quoted("03/12/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "-1", "PHX7", "SELLABLE", "", "US", "", "", "", "");
        var text = Lines(
            Quoted(LedgerHeader),
            good,
            Quoted("2026/03/12", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "-1", "PHX7", "SELLABLE", "", "US", "", "", "", ""),
            Quoted("03/12/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "one", "PHX7", "SELLABLE", "", "US", "", "", "", ""),
            Quoted("03/12/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "-1", "PHX7", "SELLABLE", "", "US", "x", "", "", ""),
            Quoted("03/12/2026", "X001ABC123", "too", "few"),
            good);

        var result = Parse(text);

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(
            [
                new RejectedRow(3, "column 'Date': '2026/03/12' is not a date MM/DD/YYYY"),
                new RejectedRow(4, "column 'Quantity': 'one' is not a whole number"),
                new RejectedRow(5, "column 'Reconciled Quantity': 'x' is not a whole number"),
                new RejectedRow(6, "expected 16 fields as in the header, found 4"),
            ],
            result.Rejected);
    }

    [Fact]
    public void Empty_lines_at_the_end_are_ignored_and_a_header_alone_is_no_rows()
    {
        Assert.Equal(4, Parse(LedgerTemplate() + "\n\r\n\n").Rows.Count);
        Assert.Empty(Parse(LedgerTemplate() + "\n\n").Rejected);

        var headerOnly = Parse(Quoted(LedgerHeader));
        Assert.Empty(headerOnly.Rows);
        Assert.Empty(headerOnly.Rejected);
    }

    [Fact]
    public void An_empty_document_is_refused_as_missing_every_column()
    {
        var error = Assert.Throws<ReportFormatException>(() => Parse(""));

        Assert.Contains("'Date'", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_BOM_is_not_part_of_the_first_header_name()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Bytes(LedgerTemplate())).ToArray();

        var result = AmazonReports.LedgerDetail.Parse(bytes, contentType: null, gzipDeclared: false);

        Assert.Equal(4, result.Rows.Count);
    }
}
