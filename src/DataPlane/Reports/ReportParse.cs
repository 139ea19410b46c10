namespace Opside.DataPlane.Reports;

/// <summary>
/// The rows of a report document and the lines that could not be read as rows: <see cref="Rejected"/> those kept with
/// their reasons (all, unless <see cref="ReportReadLimits.MaxRejectedKept"/> capped them), <see cref="RejectedCount"/> all.
/// </summary>
public sealed record ReportParse<T>(IReadOnlyList<T> Rows, IReadOnlyList<RejectedRow> Rejected)
{
    public int RejectedCount { get; init; } = Rejected.Count;
}

/// <summary>A line of a report that was not turned into a row, and why (the column and the bad value).</summary>
/// <param name="Line">1-based line in the decoded document (the header is line 1); a row spanning lines gives its first.</param>
public sealed record RejectedRow(int Line, string Reason);
