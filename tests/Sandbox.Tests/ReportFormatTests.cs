using System.Globalization;
using System.Text.RegularExpressions;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.Tests;

public sealed partial class ReportFormatTests
{
    private static readonly SyntheticSeller Seller = SellerGenerator.Generate("A1FORMATS00001", new DateOnly(2026, 6, 15), SellerScale.Small);

    [Fact]
    public void The_ledger_quotes_every_field_under_spaced_headers_with_US_dates_and_Pacific_offsets()
    {
        var (start, end) = SyntheticSellerTests.WholeHistory(Seller);
        var lines = Lines(ReportRenderer.RenderText(Seller, ReportRenderer.Ledger, start, end, default).Text);
        Assert.Equal(
            "\"Date\"\t\"FNSKU\"\t\"ASIN\"\t\"MSKU\"\t\"Title\"\t\"Event Type\"\t\"Reference ID\"\t\"Quantity\"\t\"Fulfillment Center\"\t\"Disposition\"\t\"Reason\"\t\"Country\"\t\"Reconciled Quantity\"\t\"Unreconciled Quantity\"\t\"Date and Time\"\t\"Store\"",
            lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(Seller.Ledger.Count, rows.Count);
        Assert.All(rows, fields =>
        {
            Assert.Equal(16, fields.Length);
            Assert.All(fields, f => Assert.Matches("^\".*\"$", f));
            var date = DateOnly.ParseExact(fields[0].Trim('"'), "MM/dd/yyyy", CultureInfo.InvariantCulture);
            Assert.Equal($"{date:yyyy-MM-dd}T00:00:00{(PacificTime.OffsetAtMidnight(date).Hours == -7 ? "-0700" : "-0800")}", fields[14].Trim('"'));
        });
        Assert.Equal(TimeSpan.FromHours(-8), PacificTime.OffsetAtMidnight(new DateOnly(2026, 3, 8)));
        Assert.Equal(TimeSpan.FromHours(-7), PacificTime.OffsetAtMidnight(new DateOnly(2026, 3, 9)));
        Assert.Equal(TimeSpan.FromHours(-7), PacificTime.OffsetAtMidnight(new DateOnly(2026, 11, 1)));
        Assert.Equal(TimeSpan.FromHours(-8), PacificTime.OffsetAtMidnight(new DateOnly(2026, 11, 2)));

        Assert.Contains(rows, f => f[10] == "\"G\""); // an undocumented reason code
        Assert.True(rows.GroupBy(f => string.Join('\t', f)).Any(g => g.Count() > 1), "identical duplicate rows are legitimate and present");
        Assert.Contains(rows, f => f[5] == "\"Receipts\"" && f[6].StartsWith("\"FBA", StringComparison.Ordinal));
        var damage = rows.Where(f => f[10] is "\"E\"" or "\"6\"" or "\"7\"" or "\"H\"" or "\"K\"" or "\"U\"").ToList();
        Assert.NotEmpty(damage);
        Assert.All(damage, d => Assert.Contains(rows, p => p[10] == "\"P\"" && p[0] == d[0] && p[1] == d[1] && p[7] == "\"" + d[7].Trim('"').TrimStart('-') + "\""));
    }

    [Fact]
    public void Reimbursements_are_unquoted_with_iso_dates_and_reversals_in_the_real_export_shape()
    {
        var (start, end) = SyntheticSellerTests.WholeHistory(Seller);
        var lines = Lines(ReportRenderer.RenderText(Seller, ReportRenderer.ReimbursementsReport, start, end, default).Text);
        Assert.Equal(string.Join('\t', ReportRenderer.ReimbursementsHeader), lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, f =>
        {
            Assert.Equal(18, f.Length);
            Assert.Matches(IsoDate(), f[0]);
            Assert.DoesNotContain(f, v => v.Contains('"', StringComparison.Ordinal));
        });

        var reversals = rows.Where(f => f[4] == "Reimbursement_Reversal").ToList();
        Assert.Contains(reversals, f => f[14] == "1");
        Assert.Contains(reversals, f => f[14] == "0");
        Assert.All(reversals, f =>
        {
            Assert.Equal("Amazon.Found." + f[7], f[5]);
            Assert.Equal(f[7], f[6]);
            Assert.StartsWith("B0", f[6], StringComparison.Ordinal);
            Assert.Equal("", f[3]);
            Assert.Equal("-1", f[13]);
            Assert.StartsWith("-", f[11], StringComparison.Ordinal);
            Assert.NotEqual("", f[16]);
            Assert.Contains(rows, o => o[1] == f[16] && o[4] == f[17]);
        });
        Assert.All(rows.Where(f => f[4] != "Reimbursement_Reversal"), f => Assert.Equal("", f[16] + f[17]));
    }

    [Fact]
    public void Returns_carry_non_ascii_comments_and_removal_orders_a_service_speed_column()
    {
        var (start, end) = SyntheticSellerTests.WholeHistory(Seller);
        var returns = Lines(ReportRenderer.RenderText(Seller, ReportRenderer.ReturnsReport, start, end, default).Text);
        Assert.Equal(string.Join('\t', ReportRenderer.ReturnsHeader), returns[0]);
        Assert.Contains(returns.Skip(1), l => l.Split('\t')[12].Any(c => c > 127));
        var removals = Lines(ReportRenderer.RenderText(Seller, ReportRenderer.RemovalOrders, start, end, default).Text);
        Assert.Equal("request-date\torder-id\torder-type\tservice-speed\torder-status\tlast-updated-date", string.Join('\t', removals[0].Split('\t').Take(6)));
        Assert.All(removals.Skip(1), l => Assert.Equal(16, l.Split('\t').Length));
    }

    [Fact]
    public void Documents_vary_in_compression_line_endings_charset_extra_columns_and_final_newline()
    {
        var documents = new List<(string Type, RenderedDocument Document, string Text, DocumentQuirks Quirks)>();
        foreach (var type in ReportRenderer.ReportTypes)
        {
            for (var month = Seller.HistoryStart; month < Seller.AsOf; month = month.AddMonths(1))
            {
                var start = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var end = start.AddMonths(1).AddSeconds(-1);
                var document = ReportRenderer.Render(Seller, type, start, end);
                var text = ReportDocumentText.Decode(document.Content, document.Gzip, document.ContentType);
                Assert.Equal(ReportRenderer.RenderText(Seller, type, start, end, DocumentQuirks.For(Seller.SellingPartnerId, type, start, end)).Text, text);
                documents.Add((type, document, text, DocumentQuirks.For(Seller.SellingPartnerId, type, start, end)));
            }
        }

        Assert.InRange(documents.Count(d => d.Document.Gzip) / (double)documents.Count, 0.4, 0.8);
        Assert.All(documents.Where(d => d.Document.Gzip), d => Assert.Equal(new byte[] { 0x1F, 0x8B }, d.Document.Content.Take(2)));
        Assert.Contains(documents, d => d.Text.Contains("\r\n", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.Text.Contains('\n', StringComparison.Ordinal) && !d.Text.Contains('\r', StringComparison.Ordinal));
        foreach (var contentType in new[] { "text/plain;charset=UTF-8", "text/plain;charset=windows-1252", "text/plain;charset=ISO-8859-1", "text/plain" })
            Assert.Contains(documents, d => d.Document.ContentType == contentType);

        // Non-ASCII titles travel as single ISO-8859-1 bytes where the document is not UTF-8 (and undeclared ones are never UTF-8).
        Assert.Contains(documents, d => d.Quirks.Charset != DocumentCharset.Utf8 && !d.Document.Gzip && d.Document.Content.Any(b => b > 0x7F));
        Assert.All(documents.Where(d => d.Quirks.Charset != DocumentCharset.Utf8), d => Assert.DoesNotContain(d.Text, c => c > 0xFF));
        Assert.Contains(documents, d => d.Type == ReportRenderer.Ledger && d.Text.StartsWith("\"Date\"", StringComparison.Ordinal) && Lines(d.Text)[0].Contains("\"" + ReportRenderer.UnknownLedgerColumn + "\"", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.Type == ReportRenderer.Ledger && !Lines(d.Text)[0].Contains(ReportRenderer.UnknownLedgerColumn, StringComparison.Ordinal));
        var reimbursements = documents.Where(d => d.Type == ReportRenderer.ReimbursementsReport && d.Document.Rows > 0).ToList();
        Assert.Contains(reimbursements, d => !d.Text.EndsWith('\n'));
        Assert.Contains(reimbursements, d => d.Text.EndsWith('\n'));
    }

    [Fact]
    public void The_cost_catalog_has_the_agreed_columns_and_leaves_some_skus_out()
    {
        var csv = CostCatalogCsv.Render(Seller).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sku,unitCost,currency,source,effectiveDate", csv[0]);
        Assert.All(csv.Skip(1), l => Assert.Matches(@"^[^,]+,\d+\.\d\d,USD,invoice-\d{6}\.pdf,\d{4}-\d\d-\d\d$", l));
        Assert.True(Seller.Skus.Count > Seller.Costs.Select(c => c.Sku).Distinct().Count());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")]
    private static partial Regex IsoDate();
}
