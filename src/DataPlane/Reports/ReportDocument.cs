using System.Net.Http.Headers;
using System.Text;

namespace Opside.DataPlane.Reports;

/// <summary>
/// Turns a downloaded or uploaded report document into text: gunzips it, then decodes it with the charset its
/// Content-Type names. Everything streams, so a document of hundreds of megabytes is never held whole.
/// </summary>
public static class ReportDocument
{
    // Enough for the gzip magic (2 bytes), and after decompression for a BOM (up to 3) plus the first character.
    private const int SniffLength = 4;
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>
    /// The encoding a Content-Type's charset names. Without a charset Amazon's documents are read as Latin-1, as
    /// python-amazon-sp-api does; Latin-1 is read as windows-1252, as browsers do (WHATWG), because the two differ
    /// only in 0x80–0x9F, where Latin-1 has unprintable controls and windows-1252 the smart quotes and dashes that
    /// sellers' product names carry.
    /// </summary>
    /// <exception cref="ReportFormatException">The charset is not one .NET can decode.</exception>
    public static Encoding EncodingOf(string? contentType)
    {
        var charset = CharsetOf(contentType);
        if (charset is null)
        {
            return Windows1252;
        }
        var name = charset.Trim().Trim('"').ToLowerInvariant();
        switch (name)
        {
            case "utf-8" or "utf8":
                return Utf8;
            case "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii"
                or "windows-1252" or "cp1252" or "cp-1252" or "x-cp1252" or "cp819" or "ibm819":
                return Windows1252;
            // JP documents say windows-31j (Java's name for Microsoft's Shift-JIS); strict Shift-JIS lacks its extensions.
            case "windows-31j" or "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "ms932" or "cp932" or "ms_kanji" or "cswindows31j":
                return CodePage(932);
        }
        // Java names code pages "Cp1250" and the like.
        if (name.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), out var codePage))
        {
            return TryCodePage(codePage) ?? throw Unsupported(charset, contentType);
        }
        return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? BuiltIn(name) ?? throw Unsupported(charset, contentType);
    }

    /// <summary>Opens the document as text; the caller owns the returned reader (<paramref name="document"/> stays open).</summary>
    internal static DecodedDocument Open(Stream document, string? contentType, bool gzipDeclared, ReportReadLimits limits)
    {
        var encoding = EncodingOf(contentType);
        var raw = PeekedStream.Peek(document, SniffLength, leaveOpen: true);
        if (!ShouldGunzip(raw.Prefix, gzipDeclared))
        {
            return Decoded(raw, encoding, limits);
        }
        var text = PeekedStream.Peek(new VerifiedGzipStream(raw, limits.MaxInflatedBytes), SniffLength, leaveOpen: false);
        return Decoded(text, encoding, limits);
    }

    /// <inheritdoc cref="Open"/>
    internal static async ValueTask<DecodedDocument> OpenAsync(
        Stream document, string? contentType, bool gzipDeclared, ReportReadLimits limits, CancellationToken cancellationToken)
    {
        var encoding = EncodingOf(contentType);
        var raw = await PeekedStream.PeekAsync(document, SniffLength, leaveOpen: true, cancellationToken);
        if (!ShouldGunzip(raw.Prefix, gzipDeclared))
        {
            return Decoded(raw, encoding, limits);
        }
        var text = await PeekedStream.PeekAsync(new VerifiedGzipStream(raw, limits.MaxInflatedBytes), SniffLength, leaveOpen: false, cancellationToken);
        return Decoded(text, encoding, limits);
    }

    private static bool ShouldGunzip(ReadOnlySpan<byte> prefix, bool gzipDeclared)
    {
        var magic = prefix is [0x1f, 0x8b, ..];
        if (gzipDeclared && !magic)
        {
            // Most likely an HTTP client already undid Content-Encoding: gzip; guessing would hide that mistake.
            throw new ReportFormatException(
                "The document is not a valid gzip stream: GZIP was declared (compressionAlgorithm or Content-Encoding) but it does not start with the gzip magic bytes (was it decompressed already?).");
        }
        return magic;
    }

    private static DecodedDocument Decoded(PeekedStream stream, Encoding encoding, ReportReadLimits limits)
    {
        // A BOM wins over the declared charset (StreamReader detects it); the first character after it tells a
        // quoted document (the ledger) from an unquoted one. '"' is 0x22 in every charset accepted above.
        var prefix = stream.Prefix;
        var start = prefix switch
        {
            [0xEF, 0xBB, 0xBF, ..] => 3,
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => 2,
            _ => 0,
        };
        var startsWithQuote = prefix.Length > start && (prefix[start] == (byte)'"' || (start == 2 && prefix.Length > 3 && prefix[3] == (byte)'"'));
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, ReadBufferSize, leaveOpen: false);
        return new DecodedDocument(new LineLimitedReader(reader, limits.MaxLineLength), startsWithQuote);
    }

    private static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw new ReportFormatException($"The Content-Type '{contentType}' cannot be parsed.");
        }
        return string.IsNullOrWhiteSpace(mediaType.CharSet) ? null : mediaType.CharSet;
    }

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Encoding Windows1252 = CodePage(1252);

    private static Encoding CodePage(int codePage) =>
        TryCodePage(codePage) ?? throw new InvalidOperationException($"Code page {codePage} is not available.");

    private static Encoding? TryCodePage(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        if (encoding is not null)
        {
            return encoding;
        }
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Encoding? BuiltIn(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ReportFormatException Unsupported(string charset, string? contentType) =>
        new($"The charset '{charset}' (Content-Type '{contentType}') is not supported.");
}

/// <summary>A report document opened as text, and whether its first character is a quote.</summary>
internal sealed record DecodedDocument(TextReader Text, bool StartsWithQuote) : IDisposable
{
    public void Dispose() => Text.Dispose();
}
