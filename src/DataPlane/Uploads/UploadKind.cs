using Opside.DataPlane.Reports;
using Opside.DataPlane.Storage;

namespace Opside.DataPlane.Uploads;

/// <summary>
/// A kind of document a seller uploads (one of Amazon's reports, or the cost catalog): how it is read, the span of
/// stored rows its rows replace, and how it replaces them. Reading is done twice, the same way: once as the document
/// arrives, to count and check it and answer the request, and once in the seller's pipeline from the staged copy,
/// to write it; neither holds more than a batch of rows.
/// </summary>
public abstract class UploadKind
{
    /// <summary>Rows per batch read and written: large enough to keep the writes efficient, small enough to stay a few megabytes.</summary>
    public const int BatchSize = 10_000;

    private protected UploadKind(string name) => Name = name;

    /// <summary>The report type (e.g. <c>GET_LEDGER_DETAIL_VIEW_DATA</c>) or <see cref="UploadKinds.CostCatalog"/>.</summary>
    public string Name { get; }

    /// <summary>Reads the whole document, counting rows and rejected lines and keeping the first <paramref name="maxErrors"/> of the latter.</summary>
    /// <exception cref="ReportFormatException">The document cannot be read as this kind (column, charset, gzip, line length).</exception>
    /// <exception cref="DocumentTooLargeException">The document inflates past the limit.</exception>
    public abstract Task<UploadScan> ScanAsync(Stream document, string? contentType, bool gzip, ReportReadLimits limits, int maxErrors, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the document again and replaces the seller's rows over <paramref name="range"/> (the scan's) with its rows,
    /// in one transaction; answers how many were stored.
    /// </summary>
    public abstract Task<long> IngestAsync(
        IDataPlaneStore store, string sellerId, UploadRange? range, Stream document, string? contentType, bool gzip, ReportReadLimits limits,
        CancellationToken cancellationToken);
}
