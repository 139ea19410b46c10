using Opside.DataPlane.Reports;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

/// <summary>What reading a document may cost: a truncated gzip, an inflated size and a line length are refused while streaming.</summary>
public sealed class ReadLimitsTests
{
    private static readonly string Header = Quoted(LedgerHeader);

    private static byte[] Document(int rows)
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < rows; i++)
            lines.Add(Quoted("03/12/2026", $"X00{i % 7:D7}", "B0ABCDEF12", "AB-1", "Widget", "Shipments", $"{i}", "-1", "PHX7", "SELLABLE", "", "US", "", "", "2026-03-12T00:00:00-0700", ""));
        return Bytes(Lines([.. lines]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(500)]
    public async Task A_gzip_document_cut_short_anywhere_is_not_a_valid_gzip_stream(int bytesCut)
    {
        var gzip = Gzip(Document(2_000));
        var cut = gzip[..^bytesCut];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ParseAsync(cut, ReportReadLimits.Default));

        Assert.Contains("not a valid gzip stream", error.Message, StringComparison.Ordinal);
        Assert.Contains(AmazonReports.LedgerDetail.ReportType, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_gzip_document_reads_as_its_text_does()
    {
        var text = Document(2_000);

        var fromGzip = await ParseAsync(Gzip(text), ReportReadLimits.Default);
        var fromText = await ParseAsync(text, ReportReadLimits.Default);

        Assert.Equal(2_000, fromGzip.Rows.Count);
        Assert.Equal(fromText.Rows, fromGzip.Rows);
    }

    [Fact]
    public async Task Inflating_past_the_limit_is_refused_with_the_limit()
    {
        var gzip = Gzip(Document(2_000));

        var error = await Assert.ThrowsAsync<DocumentTooLargeException>(() => ParseAsync(gzip, ReportReadLimits.Default with { MaxInflatedBytes = 10_000 }));

        Assert.Equal(10_000, error.Limit);
    }

    [Fact]
    public async Task A_line_past_the_limit_is_refused_naming_its_line_number()
    {
        var text = Bytes(Lines(Header, Quoted("03/12/2026", "X001", "B0", "AB-1", "W", "Shipments", "1", "-1", "PHX7", "SELLABLE", "", "US", "", "", "", ""),
            new string('a', 5_000)));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ParseAsync(text, ReportReadLimits.Default with { MaxLineLength = 4_096 }));

        Assert.Contains("Line 3 is longer than the limit of 4096 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_up_to_the_limit_are_read()
    {
        var text = Document(50);
        var longest = Lines(Header).Length;

        var parse = await ParseAsync(text, ReportReadLimits.Default with { MaxLineLength = longest + 200 });

        Assert.Equal(50, parse.Rows.Count);
    }

    [Fact]
    public async Task Rejected_lines_past_the_kept_limit_are_counted_without_their_reasons()
    {
        // Good rows and lines of the wrong width (one with a bad quantity) in batches of 100, three reasons kept.
        var lines = new List<string> { Header };
        for (var i = 0; i < 1_000; i++)
            lines.Add(i % 4 == 0 ? "\"too\"\t\"short\"" : Quoted("03/12/2026", "X000000001", "B0ABCDEF12", "AB-1", "Widget", "Shipments", $"{i}",
                i == 1 ? "many" : "-1", "PHX7", "SELLABLE", "", "US", "", "", "2026-03-12T00:00:00-0700", ""));

        var parse = await ParseAsync(Bytes(Lines([.. lines])), ReportReadLimits.Default with { MaxRejectedKept = 3 }, batchSize: 100);

        Assert.Equal(749, parse.Rows.Count);
        Assert.Equal(251, parse.RejectedCount);
        Assert.Equal([2, 3, 6], parse.Rejected.Select(r => r.Line));
        Assert.Contains("found 2", parse.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("many", parse.Rejected[1].Reason, StringComparison.Ordinal);
    }

    private static async Task<ReportParse<Rows.LedgerEvent>> ParseAsync(byte[] document, ReportReadLimits limits, int batchSize = 50_000)
    {
        var rows = new List<Rows.LedgerEvent>();
        var rejected = new List<RejectedRow>();
        var rejectedCount = 0;
        await using var body = new AsyncOnlyStream(document);
        await foreach (var batch in AmazonReports.LedgerDetail.ParseBatchesAsync(body, Utf8, gzipDeclared: false, batchSize, limits, TestContext.Current.CancellationToken))
        {
            rows.AddRange(batch.Rows);
            rejected.AddRange(batch.Rejected);
            rejectedCount += batch.RejectedCount;
        }

        return new ReportParse<Rows.LedgerEvent>(rows, rejected) { RejectedCount = rejectedCount };
    }
}
