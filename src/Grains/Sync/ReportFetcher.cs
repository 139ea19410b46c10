using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Sync;

/// <summary>A report document read into rows, with what could not be read.</summary>
internal sealed record ParsedDocument<TRow>(IReadOnlyList<TRow> Rows, int RejectedCount, string? FirstRejections);

/// <summary>
/// One report-backed source: asks Amazon for the report over the range still to sync (or, inside the generation
/// cooldown, reuses the latest report that covers it), waits for it, archives and parses the document, and
/// replaces the seller's rows in the report's range. CANCELLED means Amazon has no rows for the range, so the
/// range is replaced by nothing; FATAL fails the source and the next run asks again.
/// </summary>
internal sealed class ReportFetcher<TRow>(
    DataSource source,
    string reportType,
    bool nearRealTime,
    bool wholeHistoryEachRun,
    Func<DownloadedDocument, ParsedDocument<TRow>> parse,
    Func<TRow, DateTimeOffset> rowTime,
    Func<IDataPlaneStore, string, DateTimeOffset, DateTimeOffset, IReadOnlyList<TRow>, CancellationToken, Task<int>> replace) : SourceFetcher
{
    public override DataSource Source => source;

    public string ReportType => reportType;

    public override async Task<SourceOutcome> FetchAsync(SyncContext context, SourceProgress progress, CancellationToken cancellationToken)
    {
        var reports = context.Services.GetRequiredService<ReportsClient>();
        var start = context.StartFor(progress, wholeHistoryEachRun);
        var cooldown = nearRealTime ? context.Amazon.ReportCooldown.NearRealTime : context.Amazon.ReportCooldown.Daily;

        ReportInfo? report;
        var reused = false;
        if (progress.LastReportRequestedAt is { } requested && requested + cooldown > context.Now)
        {
            var made = await reports.GetDoneReportsAsync(context.Connection, reportType, requested.AddMinutes(-1), cancellationToken);
            report = made.Where(r => r.DataStartTime <= start && r.DataEndTime is not null).MaxBy(r => r.CreatedTime);
            if (report is null)
                return new SourceOutcome(0, progress.SyncedThrough, Deferred: $"{reportType} may be generated again after {requested + cooldown:O}; no earlier report covers the range.");
            reused = true;
        }
        else
        {
            var reportId = await reports.CreateReportAsync(context.Connection, reportType, start, context.Now, cancellationToken);
            progress.LastReportRequestedAt = context.Now;
            report = await reports.WaitForReportAsync(context.Connection, reportId, cancellationToken)
                ?? throw new SourceFailedException($"{reportType} report {reportId} was not ready within {context.Amazon.ReportPolling.Deadline}.");
        }

        var rangeStart = report.DataStartTime ?? start;
        var rangeEnd = report.DataEndTime ?? context.Now;
        switch (report.ProcessingStatus)
        {
            case ReportInfo.Fatal:
                throw new SourceFailedException($"Amazon could not generate {reportType} report {report.ReportId} (FATAL); the next sync asks again.");
            case ReportInfo.Cancelled:
                await replace(context.Store, context.SellerId, rangeStart, End(rangeEnd, []), [], cancellationToken);
                return new SourceOutcome(0, rangeEnd);
        }

        var document = await reports.DownloadAsync(context.Connection, report.ReportDocumentId
            ?? throw new SourceFailedException($"{reportType} report {report.ReportId} is DONE without a document."), cancellationToken);
        await context.Store.ArchiveDocumentAsync(context.SellerId, Archive(context, report, document, reused), cancellationToken);

        var parsed = parse(document);
        // A row dated before the range would be deleted by nobody on the next overlap: keep the range exact and
        // leave such rows (Amazon's boundary rounding) to the run whose range holds them.
        var rows = parsed.Rows.Where(r => rowTime(r) >= rangeStart).ToList();
        if (rows.Count < parsed.Rows.Count)
            context.Logger.LogInformation("{ReportType} for seller {SellerId}: {Count} rows dated before {Start} left to the previous range",
                reportType, context.SellerId, parsed.Rows.Count - rows.Count, rangeStart);
        var written = await replace(context.Store, context.SellerId, rangeStart, End(rangeEnd, rows), rows, cancellationToken);
        if (parsed.RejectedCount > 0)
            context.Logger.LogWarning("{ReportType} for seller {SellerId}: {Rejected} rows could not be read: {Reasons}",
                reportType, context.SellerId, parsed.RejectedCount, parsed.FirstRejections);
        return new SourceOutcome(written, rangeEnd,
            Rejected: parsed.RejectedCount > 0 ? $"{parsed.RejectedCount} rows of report {report.ReportId} could not be read: {parsed.FirstRejections}" : null);
    }

    /// <summary>The replaced range ends after the last row even if Amazon stamped one later than the requested end.</summary>
    private DateTimeOffset End(DateTimeOffset rangeEnd, IReadOnlyList<TRow> rows)
    {
        var end = rangeEnd;
        foreach (var row in rows)
        {
            var at = rowTime(row);
            if (at >= end)
                end = at.AddTicks(1);
        }

        return end;
    }

    private ArchivedDocument Archive(SyncContext context, ReportInfo report, DownloadedDocument document, bool reused)
    {
        var request = JsonSerializer.Serialize(new
        {
            reportType,
            report.ReportId,
            document.ReportDocumentId,
            report.DataStartTime,
            report.DataEndTime,
            report.CreatedTime,
            context.Connection.MarketplaceIds,
            reused,
        });
        return new ArchivedDocument($"report:{document.ReportDocumentId}", reportType, context.Now, request, document.ContentType,
            document.IsGzip ? document.Content : ArchiveGzip.Compress(document.Content));
    }
}
