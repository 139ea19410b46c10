using Microsoft.Extensions.Options;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi.Reports;

/// <summary>A requested report. Its final status is decided once, the first time it is observed after processing.</summary>
public sealed class Report(string reportId, string sellingPartnerId, string reportType, IReadOnlyList<string> marketplaceIds,
    DateTimeOffset dataStartTime, DateTimeOffset dataEndTime, DateTimeOffset createdTime, string? forcedOutcome)
{
    public string ReportId { get; } = reportId;
    public string SellingPartnerId { get; } = sellingPartnerId;
    public string ReportType { get; } = reportType;
    public IReadOnlyList<string> MarketplaceIds { get; } = marketplaceIds;
    public DateTimeOffset DataStartTime { get; } = dataStartTime;
    public DateTimeOffset DataEndTime { get; } = dataEndTime;
    public DateTimeOffset CreatedTime { get; } = createdTime;

    /// <summary>FATAL (cooldown or a scripted fault) or CANCELLED (scripted), decided when the report was requested.</summary>
    public string? ForcedOutcome { get; } = forcedOutcome;

    public string? FinalStatus { get; set; }

    public string? ReportDocumentId { get; set; }
}

/// <summary>
/// createReport and getReport's state: IN_QUEUE for the first third of Sandbox:ReportProcessingTime, IN_PROGRESS until
/// it has passed, then DONE, CANCELLED (no rows in the range) or FATAL (requested inside the generation cooldown).
/// </summary>
public sealed class ReportProcessing(IOptions<SandboxOptions> options, TimeProvider time, SellerRegistry sellers, ReportDocuments documents, FaultInjector faults)
{
    private readonly List<Report> _reports = [];
    private readonly Dictionary<(string Partner, string ReportType), DateTimeOffset> _lastGenerated = [];
    private long _nextId = 50_039_018_869;

    public Report Create(string sellingPartnerId, string reportType, IReadOnlyList<string> marketplaceIds, DateTimeOffset? start, DateTimeOffset? end)
    {
        var now = time.GetUtcNow();
        var seller = sellers.Get(sellingPartnerId);
        var dataStart = start ?? new DateTimeOffset(seller.HistoryStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dataEnd = end ?? now;
        var cooldown = ReportRenderer.IsNearRealTime(reportType) ? options.Value.ReportCooldown.NearRealTime : options.Value.ReportCooldown.Daily;
        lock (_reports)
        {
            var key = (sellingPartnerId, reportType);
            var throttled = _lastGenerated.TryGetValue(key, out var last) && now - last < cooldown;
            if (!throttled)
                _lastGenerated[key] = now;
            var forced = faults.TakeOutcome(reportType) ?? (throttled ? "FATAL" : null);
            var report = new Report((_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture), sellingPartnerId, reportType, marketplaceIds, dataStart, dataEnd, now, forced);
            _reports.Add(report);
            return report;
        }
    }

    public Report? Find(string sellingPartnerId, string reportId)
    {
        lock (_reports)
            return _reports.Find(r => r.ReportId == reportId && r.SellingPartnerId == sellingPartnerId);
    }

    public IReadOnlyList<Report> Of(string sellingPartnerId)
    {
        lock (_reports)
            return [.. _reports.Where(r => r.SellingPartnerId == sellingPartnerId)];
    }

    public string StatusOf(Report report)
    {
        var processing = options.Value.ReportProcessingTime;
        var elapsed = time.GetUtcNow() - report.CreatedTime;
        lock (report)
        {
            if (report.FinalStatus is { } done)
                return done;
            if (elapsed < processing / 3)
                return "IN_QUEUE";
            if (elapsed < processing)
                return "IN_PROGRESS";
            report.FinalStatus = report.ForcedOutcome ?? Generate(report);
            return report.FinalStatus;
        }
    }

    public DateTimeOffset ProcessingStartTime(Report report) => report.CreatedTime + (options.Value.ReportProcessingTime / 3);

    public DateTimeOffset ProcessingEndTime(Report report) => report.CreatedTime + options.Value.ReportProcessingTime;

    private string Generate(Report report)
    {
        var document = ReportRenderer.Render(sellers.Get(report.SellingPartnerId), report.ReportType, report.DataStartTime, report.DataEndTime);
        if (document.Rows == 0)
            return "CANCELLED";
        report.ReportDocumentId = documents.Add(report.SellingPartnerId, document);
        return "DONE";
    }
}
