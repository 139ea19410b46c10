using System.IO.Compression;
using System.Text;

namespace Opside.DataPlane.Tests.Reports;

/// <summary>Builds report documents for tests: tab-joined fields, quoted or not, encoded and compressed as asked.</summary>
internal static class ReportText
{
    public const string Utf8 = "text/plain;charset=UTF-8";

    public static readonly string[] LedgerHeader =
    [
        "Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center",
        "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time", "Store",
    ];

    public static readonly string[] ReimbursementsHeader =
    [
        "approval-date", "reimbursement-id", "case-id", "amazon-order-id", "reason", "sku", "fnsku", "asin", "product-name",
        "condition", "currency-unit", "amount-per-unit", "amount-total", "quantity-reimbursed-cash",
        "quantity-reimbursed-inventory", "quantity-reimbursed-total", "original-reimbursement-id", "original-reimbursement-type",
    ];

    /// <summary>A line with every field double-quoted, as the ledger prints it.</summary>
    public static string Quoted(params string[] fields) => string.Join('\t', fields.Select(f => $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    public static string Plain(params string[] fields) => string.Join('\t', fields);

    /// <summary>Lines joined by LF, ending with one.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static byte[] Bytes(string text, string encodingName = "utf-8") =>
        CodePagesEncodingProvider.Instance.GetEncoding(encodingName)?.GetBytes(text) ?? Encoding.GetEncoding(encodingName).GetBytes(text);

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }

    /// <summary>The ledger rows of the research note's row template (section 7.3), plus a header.</summary>
    public static string LedgerTemplate(string newline = "\n") => string.Join(newline,
        Quoted(LedgerHeader),
        Quoted("03/04/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Adjustments", "13895071006", "-2", "ONT8", "SELLABLE", "M", "US", "1", "1", "2026-03-04T00:00:00-0800", ""),
        Quoted("03/09/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Adjustments", "13895089911", "1", "ONT8", "SELLABLE", "F", "US", "", "", "2026-03-09T00:00:00-0700", ""),
        Quoted("03/11/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Receipts", "FBA17ABCD123", "240", "PHX7", "SELLABLE", "", "US", "", "", "2026-03-11T00:00:00-0700", ""),
        Quoted("03/12/2026", "X001ABC123", "B0ABCDEF12", "AB-1234-RED", "Acme Widget Red", "Shipments", "", "-1", "PHX7", "SELLABLE", "", "US", "", "", "2026-03-12T00:00:00-0700", "")) + newline;
}
