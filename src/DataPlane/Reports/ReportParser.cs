using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Reports;

/// <summary>
/// A parser for one Amazon report type. <see cref="AmazonReports.For"/> hands one out by report type name; match
/// it against <see cref="ReportParser{T}"/> (e.g. <c>ReportParser&lt;LedgerEvent&gt;</c>) for typed rows.
/// </summary>
public abstract class ReportParser
{
    private protected ReportParser()
    {
    }

    /// <summary>The SP-API report type, e.g. <c>GET_LEDGER_DETAIL_VIEW_DATA</c>.</summary>
    public abstract string ReportType { get; }

    /// <summary>The data-plane table the rows go to.</summary>
    public abstract DataSource Source { get; }

    /// <summary>The header names a document must have; other columns are optional or ignored.</summary>
    public abstract IReadOnlyList<string> RequiredColumns { get; }
}

/// <summary>
/// Reads a report document (tab-separated, any charset, optionally gzipped) into rows of <typeparamref name="T"/>,
/// by header name. Lines that cannot be read are returned as <see cref="RejectedRow"/>s with their line number and
/// the column at fault; empty lines are skipped.
/// </summary>
public abstract class ReportParser<T> : ReportParser
{
    // Titles run to 200 characters and repeat once per SKU.
    private const int PooledStringMaxLength = 256;

    private readonly ReportColumn[] _columns;

    private protected ReportParser(ReportColumn[] columns)
    {
        _columns = columns;
        RequiredColumns = [.. columns.Where(c => c.Required).Select(c => c.Name)];
    }

    public override IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Parses a document held in memory, e.g. as downloaded from a report document URL.</summary>
    /// <param name="contentType">The HTTP Content-Type; its charset decides the decoding (none: windows-1252).</param>
    /// <param name="gzipDeclared">Amazon's <c>compressionAlgorithm</c> was GZIP, or the upload said Content-Encoding: gzip.
    /// Gzip data is also recognised by its magic bytes when not declared.</param>
    /// <exception cref="ReportFormatException">The document cannot be read as this report (missing column, charset, gzip).</exception>
    public ReportParse<T> Parse(ReadOnlyMemory<byte> document, string? contentType, bool gzipDeclared) =>
        Parse(document, contentType, gzipDeclared, Environment.ProcessorCount, DocumentChunks.DefaultMinimumChunkBytes);

    /// <summary>
    /// A large document held in memory is cut at line breaks outside quotes into one piece per core, and the pieces
    /// are parsed side by side (each with the header before it); rows and rejected lines come back in document order
    /// with the document's line numbers, exactly as a sequential parse gives them.
    /// </summary>
    internal ReportParse<T> Parse(ReadOnlyMemory<byte> document, string? contentType, bool gzipDeclared, int pieces, int minimumChunkBytes)
    {
        // Gzip is inflated on one thread as it is read: inflating it whole first, to cut it, costs more than the
        // pieces save (measured). A declared GZIP without the magic is explained by the sequential reader too.
        if (gzipDeclared || document.Span is [0x1f, 0x8b, ..])
        {
            return Parse(Stream(document), contentType, gzipDeclared);
        }

        var plain = document;
        var starts = DocumentChunks.Split(plain.Span, ReportDocument.EncodingOf(contentType), pieces, minimumChunkBytes, out var headerEnd);
        if (starts is null)
        {
            return Parse(Stream(plain), contentType, gzipDeclared: false);
        }

        var header = plain[..headerEnd];
        var headerLines = header.Span.Count((byte)'\n');
        var results = new ReportParse<T>[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = pieces }, piece =>
        {
            var start = starts[piece];
            var end = piece + 1 < starts.Count ? starts[piece + 1] : plain.Length;
            using var text = new JoinedStream(header, plain[start..end]);
            var parse = Parse(text, contentType, gzipDeclared: false);
            // Lines of a piece count from its copy of the header; the document's count from its own start.
            var shift = plain.Span[..start].Count((byte)'\n') - headerLines;
            results[piece] = shift == 0 ? parse : parse with { Rejected = [.. parse.Rejected.Select(r => r with { Line = r.Line + shift })] };
        });

        return new ReportParse<T>([.. results.SelectMany(r => r.Rows)], [.. results.SelectMany(r => r.Rejected)]) { RejectedCount = results.Sum(r => r.RejectedCount) };
    }

    /// <summary>Parses a document read synchronously from <paramref name="document"/> (left open).</summary>
    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, string?, bool)"/>
    public ReportParse<T> Parse(Stream document, string? contentType, bool gzipDeclared)
    {
        var rows = new List<T>();
        var rejected = new RejectedLines(ReportReadLimits.Default.MaxRejectedKept);
        using var decoded = ReportDocument.Open(document, contentType, gzipDeclared, ReportReadLimits.Default);
        try
        {
            using var reader = Reader(decoded).From(decoded.Text);
            var layout = ReportLayout.Resolve(ReportType, _columns, reader.Header);
            while (reader.MoveNext())
            {
                Read(reader.Current, layout, rows, rejected);
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw Unreadable(e);
        }
        return rejected.Batch(rows);
    }

    /// <summary>
    /// Parses a document read asynchronously from <paramref name="document"/> (left open), e.g. an upload's request
    /// body, in batches of at most <paramref name="batchSize"/> rows, so memory stays bounded however large it is.
    /// Each batch carries the rows and the rejected lines met since the previous one.
    /// </summary>
    /// <param name="limits">What reading may cost (<see cref="ReportReadLimits.Default"/> when null).</param>
    /// <exception cref="DocumentTooLargeException">The gzip document inflates past <see cref="ReportReadLimits.MaxInflatedBytes"/>.</exception>
    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, string?, bool)"/>
    public async IAsyncEnumerable<ReportParse<T>> ParseBatchesAsync(
        Stream document, string? contentType, bool gzipDeclared, int batchSize = 50_000, ReportReadLimits? limits = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        using var decoded = await ReportDocument.OpenAsync(document, contentType, gzipDeclared, limits ?? ReportReadLimits.Default, cancellationToken);
        using var reader = await TranslateAsync(Reader(decoded).FromAsync(decoded.Text, cancellationToken));
        var layout = ReportLayout.Resolve(ReportType, _columns, reader.Header);
        var rows = new List<T>();
        var rejected = new RejectedLines((limits ?? ReportReadLimits.Default).MaxRejectedKept);
        while (await TranslateAsync(reader.MoveNextAsync(cancellationToken)))
        {
            Read(reader.Current, layout, rows, rejected);
            if (rows.Count + rejected.Count >= batchSize)
            {
                yield return rejected.Batch(rows);
                rows = [];
            }
        }
        if (rows.Count > 0 || rejected.Count > 0)
        {
            yield return rejected.Batch(rows);
        }
    }

    /// <summary>Parses a whole document read asynchronously from <paramref name="document"/> (left open).</summary>
    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, string?, bool)"/>
    public async Task<ReportParse<T>> ParseAsync(Stream document, string? contentType, bool gzipDeclared, CancellationToken cancellationToken = default)
    {
        var rows = new List<T>();
        var rejected = new List<RejectedRow>();
        var rejectedCount = 0;
        await foreach (var batch in ParseBatchesAsync(document, contentType, gzipDeclared, cancellationToken: cancellationToken))
        {
            rows.AddRange(batch.Rows);
            rejected.AddRange(batch.Rejected);
            rejectedCount += batch.RejectedCount;
        }
        return new ReportParse<T>(rows, rejected) { RejectedCount = rejectedCount };
    }

    private static MemoryStream Stream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    /// <summary>Reads one row; throws <see cref="RowRejectedException"/> through <see cref="ReportRow"/>'s accessors.</summary>
    private protected abstract T ParseRow(ReportRow row);

    private void Read(SepReader.Row row, ReportLayout layout, List<T> rows, RejectedLines rejected)
    {
        if (row.ColCount == 1 && row.Span.IsWhiteSpace())
        {
            return;
        }
        if (row.ColCount != layout.FieldCount)
        {
            if (rejected.KeepsReasons)
                rejected.Add(row.LineNumberFrom, $"expected {layout.FieldCount} fields as in the header, found {row.ColCount}");
            else
                rejected.Count++;
            return;
        }
        try
        {
            rows.Add(ParseRow(new ReportRow(row, layout)));
        }
        catch (RowRejectedException e)
        {
            rejected.Add(row.LineNumberFrom, e.Message);
        }
    }

    private static SepReaderOptions Reader(DecodedDocument document) => Sep.New('\t').Reader(o => o with
    {
        HasHeader = true,
        // Quoted documents (the ledger quotes every field) may hold tabs and line breaks inside quotes. Unquoted
        // ones print a product's inch mark (55" TV) as a bare quote, which would swallow the lines after it if
        // quotes were parsed, so they are only parsed when the document starts with one.
        DisableQuotesParsing = !document.StartsWithQuote,
        Unescape = document.StartsWithQuote,
        // A row with a wrong field count is rejected with its line number, not thrown for the whole document.
        DisableColCountCheck = true,
        CreateToString = SepToString.PoolPerCol(maximumStringLength: PooledStringMaxLength),
    });

    // Corrupt data surfaces as InvalidDataException while reading, and a row past Sep's own maximum (a quote that
    // never closes, over many short lines) as NotSupportedException: both are properties of the document.
    private async ValueTask<TResult> TranslateAsync<TResult>(ValueTask<TResult> read)
    {
        try
        {
            return await read;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw Unreadable(e);
        }
    }

    private ReportFormatException Unreadable(Exception e) => e is NotSupportedException
        ? new($"{ReportType}: the document has a row longer than can be read (a quote that never closes?): {e.Message}", e)
        : new($"{ReportType}: the document cannot be read: {e.Message}", e);
}
