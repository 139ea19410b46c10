namespace Opside.DataPlane.Reports;

/// <summary>
/// A parse's rejected lines: every one counted, only the first <c>maxKept</c> of the whole document kept with its
/// reason, so a document of millions of bad lines costs a counter, not a reason string per line.
/// </summary>
internal sealed class RejectedLines(int maxKept)
{
    private int _keptInDocument;
    private List<RejectedRow> _kept = [];

    /// <summary>The lines rejected since the last <see cref="Batch"/>, kept or not.</summary>
    public int Count { get; set; }

    /// <summary>Whether the next rejected line's reason is kept; when not, the caller need not build it.</summary>
    public bool KeepsReasons => _keptInDocument < maxKept;

    public void Add(int line, string reason)
    {
        Count++;
        if (!KeepsReasons)
            return;
        _kept.Add(new RejectedRow(line, reason));
        _keptInDocument++;
    }

    /// <summary>The rows and the lines rejected since the last batch; starts the next one.</summary>
    public ReportParse<T> Batch<T>(List<T> rows)
    {
        var batch = new ReportParse<T>(rows, _kept) { RejectedCount = Count };
        _kept = [];
        Count = 0;
        return batch;
    }
}
