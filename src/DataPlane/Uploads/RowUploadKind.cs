using System.Runtime.CompilerServices;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Storage;

namespace Opside.DataPlane.Uploads;

/// <summary>An upload whose rows replace a range of one source (a date span of a report, or all of the cost catalog).</summary>
internal sealed class RowUploadKind<T>(
    string name,
    Func<Stream, string?, bool, ReportReadLimits, CancellationToken, IAsyncEnumerable<ReportParse<T>>> parse,
    Func<T, UploadRange>? spanOf,
    Func<IDataPlaneStore, string, UploadRange?, IAsyncEnumerable<IReadOnlyList<T>>, CancellationToken, Task<int>> replace) : UploadKind(name)
{
    public override async Task<UploadScan> ScanAsync(
        Stream document, string? contentType, bool gzip, ReportReadLimits limits, int maxErrors, CancellationToken cancellationToken)
    {
        long rows = 0, rejectedRows = 0;
        var errors = new List<RejectedRow>();
        DateTimeOffset? start = null, end = null;
        await foreach (var batch in parse(document, contentType, gzip, limits, cancellationToken))
        {
            rows += batch.Rows.Count;
            rejectedRows += batch.RejectedCount;
            // Counted, not kept: a file of millions of bad lines costs no more than its first few.
            errors.AddRange(batch.Rejected.Take(maxErrors - errors.Count));
            if (spanOf is null)
                continue;
            foreach (var row in batch.Rows)
            {
                var span = spanOf(row);
                if (start is null || span.Start < start)
                    start = span.Start;
                if (end is null || span.End > end)
                    end = span.End;
            }
        }

        var range = start is { } s && end is { } e ? new UploadRange(s, e) : null;
        return new UploadScan(rows, rejectedRows, errors, range);
    }

    public override async Task<long> IngestAsync(
        IDataPlaneStore store, string sellerId, UploadRange? range, Stream document, string? contentType, bool gzip, ReportReadLimits limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (spanOf is not null && range is null)
            throw new ArgumentException($"An upload of {Name} replaces a range, and none was given.", nameof(range));
        return await replace(store, sellerId, range, RowsOf(parse(document, contentType, gzip, limits, cancellationToken), cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<T>> RowsOf(IAsyncEnumerable<ReportParse<T>> batches, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            if (batch.Rows.Count > 0)
                yield return batch.Rows;
        }
    }
}
