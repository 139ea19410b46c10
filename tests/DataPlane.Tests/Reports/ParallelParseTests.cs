using System.Globalization;
using Opside.DataPlane.Reports;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

/// <summary>
/// A large document is parsed in pieces side by side. Forced onto small documents here (tiny pieces), the result must
/// be exactly the sequential one: the same rows in the same order, the same rejected lines with the same numbers,
/// whatever quoted line breaks, CRLF or gzip the cuts fall near.
/// </summary>
public sealed class ParallelParseTests
{
    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    public void Pieces_parsed_side_by_side_give_exactly_the_sequential_result(string newline, bool gzip)
    {
        var lines = new List<string> { Quoted(LedgerHeader) };
        for (var i = 0; i < 600; i++)
        {
            // Every seventh title holds a quoted line break and a doubled quote, every 50th row a bad date.
            var title = i % 7 == 0 ? $"Widget {i}\r\nsecond line, 12\" wide" : $"Widget {i}";
            var date = i % 50 == 0 ? "13/40/2026" : "03/04/2026";
            lines.Add(Quoted(date, $"X00{i % 13:D7}", "B0ABCDEF12", "AB-1234-RED", title, "Adjustments",
                i.ToString(CultureInfo.InvariantCulture), "-1", "ONT8", "SELLABLE", "M", "US", "", "", "2026-03-04T00:00:00-0800", ""));
        }
        var bytes = Bytes(string.Join(newline, lines) + newline);
        var document = gzip ? Gzip(bytes) : bytes;

        var sequential = AmazonReports.LedgerDetail.Parse(document, Utf8, gzip, pieces: 1, minimumChunkBytes: int.MaxValue / 4);
        var parallel = AmazonReports.LedgerDetail.Parse(document, Utf8, gzip, pieces: 4, minimumChunkBytes: 1024);

        Assert.Equal(588, sequential.Rows.Count);
        Assert.Equal(12, sequential.Rejected.Count);
        Assert.Equal(sequential.Rows, parallel.Rows);
        Assert.Equal(sequential.Rejected, parallel.Rejected);
    }

    [Fact]
    public void A_cut_never_falls_inside_quotes()
    {
        // One long quoted field full of line breaks where the middle of the document lies.
        var title = string.Concat(Enumerable.Repeat("line\n", 2000));
        var text = Lines(
            Quoted(LedgerHeader),
            Quoted("03/04/2026", "X001", "B0", "SKU", "short", "Adjustments", "1", "-1", "ONT8", "SELLABLE", "M", "US", "", "", "", ""),
            Quoted("03/04/2026", "X002", "B0", "SKU", title, "Adjustments", "2", "-1", "ONT8", "SELLABLE", "M", "US", "", "", "", ""),
            Quoted("03/04/2026", "X003", "B0", "SKU", "short", "Adjustments", "3", "-1", "ONT8", "SELLABLE", "M", "US", "", "", "", ""));

        var starts = DocumentChunks.Split(Bytes(text), System.Text.Encoding.UTF8, pieces: 2, minimumChunkBytes: 100, out var headerEnd);
        var result = AmazonReports.LedgerDetail.Parse(Bytes(text), Utf8, gzipDeclared: false, pieces: 2, minimumChunkBytes: 100);

        Assert.NotNull(starts);
        Assert.True(starts.Count > 1);
        Assert.All(starts.Skip(1), s => Assert.True(text.IndexOf("\"03/04/2026\"\t\"X003\"", StringComparison.Ordinal) <= s || s < text.IndexOf("\"03/04/2026\"\t\"X002\"", StringComparison.Ordinal)));
        Assert.True(headerEnd > 0);
        Assert.Equal(["X001", "X002", "X003"], result.Rows.Select(r => r.Fnsku));
        Assert.Equal(title, result.Rows[1].Title);
    }
}
