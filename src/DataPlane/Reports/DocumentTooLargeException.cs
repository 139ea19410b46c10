namespace Opside.DataPlane.Reports;

/// <summary>A gzip document inflated past <see cref="ReportReadLimits.MaxInflatedBytes"/>: refused before it is read further.</summary>
public sealed class DocumentTooLargeException(long limit)
    : Exception($"The document inflates to more than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
