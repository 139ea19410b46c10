using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Tests.Reports;

public sealed class AmazonReportsTests
{
    [Theory]
    [InlineData("GET_LEDGER_DETAIL_VIEW_DATA", typeof(ReportParser<LedgerEvent>), DataSource.Ledger)]
    [InlineData("GET_FBA_REIMBURSEMENTS_DATA", typeof(ReportParser<ReimbursementRow>), DataSource.Reimbursements)]
    [InlineData("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", typeof(ReportParser<CustomerReturnRow>), DataSource.CustomerReturns)]
    [InlineData("get_fba_fulfillment_removal_order_detail_data", typeof(ReportParser<RemovalOrderRow>), DataSource.RemovalOrders)]
    public void A_report_type_name_finds_its_parser(string reportType, Type parserType, DataSource source)
    {
        var parser = AmazonReports.For(reportType);

        Assert.NotNull(parser);
        Assert.IsAssignableFrom(parserType, parser);
        Assert.Equal(source, parser.Source);
        Assert.Equal(reportType, parser.ReportType, ignoreCase: true);
    }

    [Fact]
    public void A_report_type_Opside_does_not_read_finds_nothing()
    {
        Assert.Null(AmazonReports.For("GET_LEDGER_SUMMARY_VIEW_DATA"));
    }

    [Fact]
    public void Required_columns_are_the_ones_detection_keys_on()
    {
        Assert.Equal(
            ["Date", "FNSKU", "MSKU", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason"],
            AmazonReports.LedgerDetail.RequiredColumns);
    }
}
