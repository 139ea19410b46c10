namespace Opside.DataPlane.Reports;

/// <summary>The report parsers, one per SP-API report type Opside reads. They hold no state and are thread-safe.</summary>
public static class AmazonReports
{
    public static LedgerDetailReport LedgerDetail { get; } = new();

    public static ReimbursementsReport Reimbursements { get; } = new();

    public static CustomerReturnsReport CustomerReturns { get; } = new();

    public static RemovalOrderDetailReport RemovalOrderDetail { get; } = new();

    private static readonly Dictionary<string, ReportParser> ByType =
        new ReportParser[] { LedgerDetail, Reimbursements, CustomerReturns, RemovalOrderDetail }
            .ToDictionary(p => p.ReportType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The report types <see cref="For"/> knows.</summary>
    public static IReadOnlyCollection<string> ReportTypes => ByType.Keys;

    /// <summary>The parser for an SP-API report type name (case-insensitive), or null when Opside does not read that report.</summary>
    public static ReportParser? For(string reportType) => ByType.GetValueOrDefault(reportType.Trim());
}
