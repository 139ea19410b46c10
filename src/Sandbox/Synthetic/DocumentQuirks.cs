using System.Security.Cryptography;
using System.Text;

namespace Opside.Sandbox.Synthetic;

public enum DocumentCharset
{
    /// <summary>UTF-8 bytes, declared.</summary>
    Utf8,

    /// <summary>ISO-8859-1 bytes declared as windows-1252, as Amazon's NA endpoints do (the two agree on every character used).</summary>
    Windows1252,

    /// <summary>ISO-8859-1 bytes, declared.</summary>
    Iso88591,

    /// <summary>ISO-8859-1 bytes with no charset: clients fall back to ISO-8859-1.</summary>
    Undeclared,
}

/// <summary>
/// The format variations real report documents show. Chosen from a hash of the seller, report type and range, so
/// the same request always gets the same bytes while different documents cover every variation.
/// </summary>
public readonly record struct DocumentQuirks(bool Gzip, bool Crlf, DocumentCharset Charset, bool ExtraColumn, bool FinalNewline)
{
    public static DocumentQuirks For(string sellingPartnerId, string reportType, DateTimeOffset start, DateTimeOffset end)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sellingPartnerId}|{reportType}|{start.UtcTicks}|{end.UtcTicks}"));
        return new(hash[0] % 10 < 6, (hash[1] & 1) == 1, (DocumentCharset)(hash[2] % 4), hash[3] % 3 == 0, hash[4] % 2 == 0);
    }

    public string ContentType => Charset switch
    {
        DocumentCharset.Utf8 => "text/plain;charset=UTF-8",
        DocumentCharset.Windows1252 => "text/plain;charset=windows-1252",
        DocumentCharset.Iso88591 => "text/plain;charset=ISO-8859-1",
        _ => "text/plain",
    };

    public byte[] Encode(string text) => Charset == DocumentCharset.Utf8 ? Encoding.UTF8.GetBytes(text) : Encoding.Latin1.GetBytes(text);
}
