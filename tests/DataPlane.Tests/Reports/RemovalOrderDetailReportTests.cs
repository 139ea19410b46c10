using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class RemovalOrderDetailReportTests
{
    private static ReportParse<RemovalOrderRow> Parse(string text) =>
        AmazonReports.RemovalOrderDetail.Parse(Bytes(text), ReportText.Utf8, gzipDeclared: false);

    [Fact]
    public void With_service_speed_padded_in_the_header_the_row_is_read_whole()
    {
        var text = Lines(
            Plain("request-date", "order-id", "order-type", "service-speed ", "order-status", "last-updated-date", "sku", "fnsku", "disposition", "requested-quantity", "cancelled-quantity", "disposed-quantity", "shipped-quantity", "in-process-quantity", "removal-fee", "currency"),
            Plain("2026-02-01T00:00:00+00:00", "RMV0000123", "Return", "Standard", "Completed", "2026-02-19T00:00:00+00:00", "AB-1234-RED", "X001ABC123", "Unsellable", "12", "0", "0", "12", "0", "10.44", "USD"));

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(
            new RemovalOrderRow(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "RMV0000123", "Return", "Standard", "Completed",
                new DateTimeOffset(2026, 2, 19, 0, 0, 0, TimeSpan.Zero), "AB-1234-RED", "X001ABC123", "Unsellable", 12, 0, 0, 12, 0, 10.44m, "USD"),
            row);
    }

    [Fact]
    public void The_older_layout_without_service_speed_and_an_empty_fee_reads_as_empty_and_null()
    {
        var text = Lines(
            Plain("request-date", "order-id", "order-source", "order-type", "order-status", "last-updated-date", "sku", "fnsku", "disposition", "requested-quantity", "cancelled-quantity", "disposed-quantity", "shipped-quantity", "in-process-quantity", "removal-fee", "currency"),
            Plain("2026-02-01T00:00:00+00:00", "RMV0000124", "Seller-initiated Manual Removal", "Disposal", "Pending", "2026-02-02T10:00:00+00:00", "AB-9", "X001ABC999", "Sellable", "5", "0", "0", "0", "5", "", ""));

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(("", "Disposal", 5, (decimal?)null, ""), (row.ServiceSpeed, row.OrderType, row.InProcessQuantity, row.RemovalFee, row.Currency));
    }
}
