using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class CustomerReturnsReportTests
{
    private static readonly string Header = Plain(
        "return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id",
        "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments");

    [Fact]
    public void A_return_row_is_read_with_an_empty_comment_as_empty_text()
    {
        var text = Lines(Header,
            Plain("2026-03-20T08:14:00+00:00", "112-3456789-1234567", "AB-1234-RED", "B0ABCDEF12", "X001ABC123", "Acme Widget Red", "1", "ONT8", "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER", "Unit returned to inventory", "LPNRR123456789", ""));

        var row = Assert.Single(AmazonReports.CustomerReturns.Parse(Bytes(text), ReportText.Utf8, gzipDeclared: false).Rows);

        Assert.Equal(
            new CustomerReturnRow(new DateTimeOffset(2026, 3, 20, 8, 14, 0, TimeSpan.Zero), "112-3456789-1234567", "AB-1234-RED", "B0ABCDEF12", "X001ABC123",
                "Acme Widget Red", 1, "ONT8", "CARRIER_DAMAGED", "DAMAGED_BY_CARRIER", "Unit returned to inventory", "LPNRR123456789", ""),
            row);
    }

    [Fact]
    public void Windows1252_comments_decode_smart_quotes_and_dashes()
    {
        var text = Lines(Header,
            Plain("2026-03-20T08:14:00+00:00", "112-3456789-1234567", "AB-1", "B0ABCDEF12", "X001ABC123", "Widget", "1", "ONT8", "DEFECTIVE", "DEFECTIVE", "Unit returned to inventory", "LPNRR123456789", "“Doesn’t work” – crème brûlée"));

        var result = AmazonReports.CustomerReturns.Parse(Bytes(text, "windows-1252"), "text/plain;charset=Cp1252", gzipDeclared: false);

        Assert.Equal("“Doesn’t work” – crème brûlée", Assert.Single(result.Rows).CustomerComments);
    }
}
