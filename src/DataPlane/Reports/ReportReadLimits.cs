namespace Opside.DataPlane.Reports;

/// <summary>
/// What a document may cost to read, whatever it holds: gzip inflates a few megabytes into gigabytes, and a document
/// without line breaks would make a row as long as the document. Both are refused as they are met, while streaming.
/// </summary>
/// <param name="MaxInflatedBytes">The most bytes a gzip document may inflate to (<see cref="DocumentTooLargeException"/> past it).</param>
/// <param name="MaxLineLength">The most characters one physical line may hold (<see cref="ReportFormatException"/> naming the line past it).</param>
/// <param name="MaxRejectedKept">How many rejected lines of the whole document are kept with their reasons; the rest
/// are only counted (<see cref="ReportParse{T}.RejectedCount"/>), so a file of millions of bad lines allocates
/// no reason for each.</param>
public sealed record ReportReadLimits(long MaxInflatedBytes, int MaxLineLength, int MaxRejectedKept = int.MaxValue)
{
    /// <summary>
    /// Generous for Amazon's own documents: the largest ledger a seller exports is a few gigabytes inflated, and its
    /// longest line (a quoted title) is far below a megabyte.
    /// </summary>
    public static ReportReadLimits Default { get; } = new(MaxInflatedBytes: 8L * 1024 * 1024 * 1024, MaxLineLength: 1024 * 1024);
}
