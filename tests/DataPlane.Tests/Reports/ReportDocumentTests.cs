using System.Text;
using Opside.DataPlane.Reports;
using static Opside.DataPlane.Tests.Reports.ReportText;

namespace Opside.DataPlane.Tests.Reports;

public sealed class ReportDocumentTests
{
    private static string OneReimbursement(string productName) => Lines(
        Plain(ReimbursementsHeader),
        Plain("2026-03-16T09:59:13+00:00", "7384512390", "", "", "Lost_Warehouse", "AB-1", "X001ABC123", "B0ABCDEF12", productName, "NewItem", "EUR", "6.12", "6.12", "1", "0", "1", "", ""));

    private static string ProductName(byte[] document, string? contentType, bool gzipDeclared = false) =>
        Assert.Single(AmazonReports.Reimbursements.Parse(document, contentType, gzipDeclared).Rows).ProductName;

    [Theory]
    [InlineData("text/plain;charset=UTF-8", 65001)]
    [InlineData("text/plain; charset=\"utf-8\"", 65001)]
    [InlineData("text/plain;charset=windows-1252", 1252)]
    [InlineData("text/plain;charset=Cp1252", 1252)]
    [InlineData("text/plain;charset=ISO-8859-1", 1252)]
    [InlineData("text/plain;charset=windows-31j", 932)]
    [InlineData("text/plain;charset=Shift_JIS", 932)]
    [InlineData("text/plain;charset=Cp1250", 1250)]
    [InlineData("text/plain", 1252)]
    [InlineData(null, 1252)]
    public void The_charset_of_the_content_type_picks_the_encoding(string? contentType, int codePage)
    {
        Assert.Equal(codePage, ReportDocument.EncodingOf(contentType).CodePage);
    }

    [Fact]
    public void An_unknown_charset_is_refused_by_name()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReportDocument.EncodingOf("text/plain;charset=klingon-8"));

        Assert.Contains("'klingon-8'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ISO_8859_1_bytes_decode_to_the_right_characters()
    {
        var document = Bytes(OneReimbursement("Café Crème, Größe M, Señor"), "iso-8859-1");
        Assert.Contains((byte)0xE9, document);

        Assert.Equal("Café Crème, Größe M, Señor", ProductName(document, "text/plain;charset=ISO-8859-1"));
    }

    [Fact]
    public void Without_a_charset_Latin_1_is_assumed_and_its_C1_range_read_as_windows_1252()
    {
        var document = Bytes(OneReimbursement("“Smart” quotes — and crème"), "windows-1252");

        Assert.Equal("“Smart” quotes — and crème", ProductName(document, "text/plain"));
    }

    [Fact]
    public void Windows_31j_documents_decode_Japanese_text_including_Microsoft_extensions()
    {
        // ① is one of the cp932 extensions that strict Shift-JIS lacks.
        var document = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(OneReimbursement("ステンレス製タンブラー ①"));

        Assert.Equal("ステンレス製タンブラー ①", ProductName(document, "text/plain;charset=windows-31j"));
    }

    [Fact]
    public void A_utf8_BOM_wins_over_the_declared_charset()
    {
        var document = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OneReimbursement("Crème brûlée"))).ToArray();

        Assert.Equal("Crème brûlée", ProductName(document, "text/plain;charset=ISO-8859-1"));
    }

    [Fact]
    public void Declared_gzip_is_decompressed()
    {
        Assert.Equal("Crème", ProductName(Gzip(Bytes(OneReimbursement("Crème"))), Utf8, gzipDeclared: true));
    }

    [Fact]
    public void Undeclared_gzip_is_recognised_by_its_magic_bytes()
    {
        Assert.Equal("Crème", ProductName(Gzip(Bytes(OneReimbursement("Crème"))), Utf8, gzipDeclared: false));
    }

    [Fact]
    public void Declared_gzip_that_is_plain_text_is_refused_rather_than_guessed()
    {
        var error = Assert.Throws<ReportFormatException>(() => ProductName(Bytes(OneReimbursement("x")), Utf8, gzipDeclared: true));

        Assert.Contains("GZIP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_is_a_format_error_naming_the_report()
    {
        var document = Gzip(Bytes(string.Concat(Enumerable.Repeat(OneReimbursement("Widget"), 50))));
        for (var i = 20; i < document.Length - 8; i++)
        {
            document[i] ^= 0x5A;
        }

        var error = Assert.Throws<ReportFormatException>(() => AmazonReports.Reimbursements.Parse(document, Utf8, gzipDeclared: true));

        Assert.Contains("GET_FBA_REIMBURSEMENTS_DATA", error.Message, StringComparison.Ordinal);
    }
}
