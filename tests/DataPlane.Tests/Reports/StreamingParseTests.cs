using Opside.DataPlane.Reports;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class StreamingParseTests
{
    private static byte[] Ledger(int rows)
    {
        var lines = new List<string> { Quoted(LedgerHeader) };
        for (var i = 0; i < rows; i++)
        {
            var quantity = i % 97 == 0 ? "bad" : (-1 - (i % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add(Quoted("03/12/2026", $"X00{i % 7:D7}", "B0ABCDEF12", "AB-1", "Widget", "Shipments", $"{i}", quantity, "PHX7", "SELLABLE", "", "US", "", "", "2026-03-12T00:00:00-0700", ""));
        }
        return Gzip(Bytes(Lines([.. lines])));
    }

    [Fact]
    public async Task An_async_only_stream_is_read_in_bounded_batches_that_add_up_to_the_whole_document()
    {
        var document = Ledger(1_000);
        var whole = AmazonReports.LedgerDetail.Parse(document, Utf8, gzipDeclared: true);
        Assert.Equal(11, whole.Rejected.Count);

        var batches = new List<ReportParse<Rows.LedgerEvent>>();
        await using var body = new AsyncOnlyStream(document);
        await foreach (var batch in AmazonReports.LedgerDetail.ParseBatchesAsync(body, Utf8, gzipDeclared: true, batchSize: 300, cancellationToken: TestContext.Current.CancellationToken))
        {
            batches.Add(batch);
        }

        Assert.Equal([300, 300, 300, 100], batches.Select(b => b.Rows.Count + b.Rejected.Count));
        Assert.Equal(whole.Rows, batches.SelectMany(b => b.Rows));
        Assert.Equal(whole.Rejected, batches.SelectMany(b => b.Rejected));
    }

    [Fact]
    public async Task ParseAsync_reads_the_whole_document_like_Parse()
    {
        var document = Ledger(250);
        await using var body = new AsyncOnlyStream(document);

        var result = await AmazonReports.LedgerDetail.ParseAsync(body, Utf8, gzipDeclared: false, TestContext.Current.CancellationToken);

        var whole = AmazonReports.LedgerDetail.Parse(document, Utf8, gzipDeclared: false);
        Assert.Equal(whole.Rows, result.Rows);
        Assert.Equal(whole.Rejected, result.Rejected);
    }
}
