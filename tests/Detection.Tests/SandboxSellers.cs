using System.Globalization;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using Opside.Sandbox.Synthetic;
using Rows = Opside.DataPlane.Rows;

namespace Opside.Detection.Tests;

/// <summary>
/// A Sandbox seller turned into what the product would hold after a sync: its four reports rendered and read back
/// with the product parsers, its shipments and refunds as the data plane's rows, its cost catalog CSV parsed.
/// </summary>
internal static class SandboxSellers
{
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (SyntheticSeller Seller, SellerData Data) Load(string partnerId, DateOnly asOf, SellerScale scale)
    {
        var seller = SellerGenerator.Generate(partnerId, asOf, scale);
        var end = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var ledger = Parse(AmazonReports.LedgerDetail, seller, ReportRenderer.Ledger, end);
        var reimbursements = Parse(AmazonReports.Reimbursements, seller, ReportRenderer.ReimbursementsReport, end);
        var returns = Parse(AmazonReports.CustomerReturns, seller, ReportRenderer.ReturnsReport, end);
        var removals = Parse(AmazonReports.RemovalOrderDetail, seller, ReportRenderer.RemovalOrders, end);

        var shipments = seller.Shipments.Select(s => new Rows.InboundShipment(s.ShipmentId, s.ShipmentName, s.Status, s.DestinationFulfillmentCenterId)).ToList();
        var items = seller.Shipments
            .SelectMany(s => s.Items.Select(i => new InboundShipmentItem(s.ShipmentId, i.Item.Sku, i.Item.Fnsku, i.QuantityShipped, i.QuantityReceived, i.QuantityInCase)))
            .ToList();
        // Finances prints a refund's Principal as a negative charge adjustment.
        var refunds = seller.Refunds
            .Select(r => new RefundItem(r.OrderId, r.PostedDate, "Amazon.com", r.Item.Sku, r.OrderAdjustmentItemId, r.Quantity, -r.Principal, SyntheticSeller.Currency))
            .ToList();
        var costs = ParseCatalog(CostCatalogCsv.Render(seller));
        return (seller, new SellerData(ledger, reimbursements, returns, removals, shipments, items, refunds, costs));
    }

    private static IReadOnlyList<T> Parse<T>(ReportParser<T> parser, SyntheticSeller seller, string reportType, DateTimeOffset end)
    {
        var document = ReportRenderer.Render(seller, reportType, Beginning, end);
        var parse = parser.Parse(document.Content, document.ContentType, document.Gzip);
        Assert.Empty(parse.Rejected);
        Assert.Equal(document.Rows, parse.Rows.Count);
        return parse.Rows;
    }

    private static List<CostCatalogEntry> ParseCatalog(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sku,unitCost,currency,source,effectiveDate", lines[0]);
        return [.. lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new CostCatalogEntry(f[0], decimal.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        })];
    }
}
