using System.Text;

namespace Opside.DataPlane.Reports;

/// <summary>
/// Cuts a plain (already decompressed) report document into pieces that can be parsed side by side: each cut is
/// just after a line break that lies outside quotes, so no row or quoted field is split. Only for encodings in which
/// the bytes of '"' and '\n' never occur inside another character (UTF-8 and the single-byte code pages), and not
/// for documents with a byte-order mark (which the sequential reader honours).
/// </summary>
internal static class DocumentChunks
{
    /// <summary>Below this size a document is parsed on one thread: splitting costs more than it saves.</summary>
    public const int DefaultMinimumChunkBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The byte offsets where pieces start (the first is where the first data row starts, after the header), or
    /// null when the document should not be split. <paramref name="headerEnd"/> is where the header line ends
    /// (after its line break).
    /// </summary>
    public static IReadOnlyList<int>? Split(ReadOnlySpan<byte> document, Encoding encoding, int pieces, int minimumChunkBytes, out int headerEnd)
    {
        headerEnd = 0;
        if (pieces < 2 || document.Length < 2 * minimumChunkBytes || !IsAsciiCompatible(encoding) || HasByteOrderMark(document))
            return null;

        // The sequential reader parses quotes only in documents that start with one; splitting follows the same rule.
        var quoted = document[0] == (byte)'"';
        headerEnd = NextCut(document, 0, quoted);
        if (headerEnd < 0)
            return null;

        var starts = new List<int> { headerEnd };
        var target = document.Length / pieces;
        for (var piece = 1; piece < pieces; piece++)
        {
            var cut = NextCut(document, Math.Max(starts[^1] + minimumChunkBytes, piece * target), quoted, starts[^1]);
            if (cut < 0 || cut >= document.Length)
                break;
            starts.Add(cut);
        }

        return starts.Count > 1 ? starts : null;
    }

    /// <summary>The offset just after the first line break at or after <paramref name="from"/> that is outside quotes; -1 if none.</summary>
    private static int NextCut(ReadOnlySpan<byte> document, int from, bool quoted, int knownEvenAt = 0)
    {
        // Quote parity at `from`: every '"' (opening, closing, or one of a doubled pair) toggles it, so an even count
        // since a point known to be outside quotes means `from` is outside quotes too.
        var quotes = quoted ? document[knownEvenAt..from].Count((byte)'"') : 0;
        for (var i = from; i < document.Length; i++)
        {
            var next = document[i..].IndexOfAny((byte)'\n', (byte)'"');
            if (next < 0)
                return -1;
            i += next;
            if (document[i] == (byte)'"')
            {
                if (quoted)
                    quotes++;
                continue;
            }

            if (quotes % 2 == 0)
                return i + 1;
        }

        return -1;
    }

    private static bool IsAsciiCompatible(Encoding encoding) => encoding.CodePage is 65001 or 1252 or 28591 or 20127;

    private static bool HasByteOrderMark(ReadOnlySpan<byte> document) =>
        document is [0xEF, 0xBB, 0xBF, ..] or [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..];
}
