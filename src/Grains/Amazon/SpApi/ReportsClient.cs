using System.Net;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Reports API 2021-06-30: createReport → getReport (polled) → getReportDocument → download, and getReports to
/// reuse a report made within the generation cooldown.
/// </summary>
public sealed class ReportsClient(HttpClient http, IOptions<AmazonOptions> options, TimeProvider time, ILogger<ReportsClient> logger)
{
    private const string BasePath = "/reports/2021-06-30";

    public async Task<string> CreateReportAsync(SpApiConnection connection, string reportType, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var body = new CreateReportBody(reportType, connection.MarketplaceIds, start, end);
        using var request = SpApiJson.Request(HttpMethod.Post, connection, SpApiOperation.CreateReport, BasePath + "/reports", body);
        var created = await SpApiJson.SendAsync<CreatedReport>(http, request, SpApiOperation.CreateReport.Name, cancellationToken);
        return created.ReportId ?? throw new SpApiException(SpApiOperation.CreateReport.Name, 202, "NoReportId", "createReport answered no reportId.", null);
    }

    public async Task<ReportInfo> GetReportAsync(SpApiConnection connection, string reportId, CancellationToken cancellationToken)
    {
        using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.GetReport, $"{BasePath}/reports/{Uri.EscapeDataString(reportId)}");
        return (await SpApiJson.SendAsync<ReportBody>(http, request, SpApiOperation.GetReport.Name, cancellationToken)).ToInfo();
    }

    /// <summary>The DONE reports of a type created since a time, following nextToken (sent alone, as Amazon requires).</summary>
    public async Task<IReadOnlyList<ReportInfo>> GetDoneReportsAsync(SpApiConnection connection, string reportType, DateTimeOffset createdSince, CancellationToken cancellationToken)
    {
        var reports = new List<ReportInfo>();
        var query = $"?reportTypes={Uri.EscapeDataString(reportType)}&processingStatuses=DONE&pageSize=100&createdSince={Uri.EscapeDataString(createdSince.UtcDateTime.ToString("O"))}";
        while (true)
        {
            using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.GetReports, BasePath + "/reports" + query);
            var page = await SpApiJson.SendAsync<ReportsPage>(http, request, SpApiOperation.GetReports.Name, cancellationToken);
            reports.AddRange((page.Reports ?? []).Select(r => r.ToInfo()));
            if (string.IsNullOrEmpty(page.NextToken))
                return reports;
            query = "?nextToken=" + Uri.EscapeDataString(page.NextToken);
        }
    }

    /// <summary>
    /// Polls getReport until the report is DONE, CANCELLED or FATAL, waiting longer between polls each time (the
    /// getReport bucket paces the calls too). Null when the deadline passes first.
    /// </summary>
    public async Task<ReportInfo?> WaitForReportAsync(SpApiConnection connection, string reportId, CancellationToken cancellationToken)
    {
        var polling = options.Value.ReportPolling;
        var deadline = time.GetUtcNow() + polling.Deadline;
        var delay = polling.InitialDelay;
        while (true)
        {
            string status;
            try
            {
                var report = await GetReportAsync(connection, reportId, cancellationToken);
                if (report.IsTerminal)
                    return report;
                status = report.ProcessingStatus;
            }
            catch (SpApiException throttled) when (throttled.Status == 429)
            {
                // Retries ran out on a throttled status check. Polling is repeated by nature: the report keeps
                // being made at Amazon whether or not we ask, so the next poll (later still) carries on.
                logger.LogWarning("Polling report {ReportId} for seller {SellerId} stayed throttled; polling again later",
                    reportId, connection.SellerId);
                status = "unknown (throttled)";
            }

            if (time.GetUtcNow() + delay > deadline)
            {
                logger.LogWarning("Report {ReportId} for seller {SellerId} is still {Status} after {Deadline}; giving up for this run",
                    reportId, connection.SellerId, status, polling.Deadline);
                return null;
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(polling.MaxDelay.Ticks, Math.Max(delay.Ticks * 3 / 2, TimeSpan.FromMilliseconds(100).Ticks)));
        }
    }

    public async Task<ReportDocumentInfo> GetReportDocumentAsync(SpApiConnection connection, string reportDocumentId, CancellationToken cancellationToken)
    {
        using var request = SpApiJson.Request(HttpMethod.Get, connection, SpApiOperation.GetReportDocument, $"{BasePath}/documents/{Uri.EscapeDataString(reportDocumentId)}");
        var document = await SpApiJson.SendAsync<DocumentBody>(http, request, SpApiOperation.GetReportDocument.Name, cancellationToken);
        if (!Uri.TryCreate(document.Url, UriKind.Absolute, out var url))
            throw new SpApiException(SpApiOperation.GetReportDocument.Name, 200, "NoUrl", "getReportDocument answered no usable url.", null);
        // The URL is fetched without Opside's credentials, but from inside the cluster: only Amazon's document
        // hosts are asked, never an address a forged or mistaken answer names.
        if (options.Value.DocumentUrlProblem(connection.Region, url) is { } problem)
            throw new SpApiException(SpApiOperation.GetReportDocument.Name, 200, "ForeignDocumentUrl", $"getReportDocument answered a URL Opside does not fetch: {problem}.", null);
        return new ReportDocumentInfo(document.ReportDocumentId ?? reportDocumentId, url, document.CompressionAlgorithm);
    }

    /// <summary>
    /// Downloads a document. Its URL is pre-signed and lives five minutes; when it has expired (403) a fresh one is
    /// asked for once. The bytes come back as sent, so the archive keeps exactly what Amazon served.
    /// </summary>
    public async Task<DownloadedDocument> DownloadAsync(SpApiConnection connection, string reportDocumentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await GetReportDocumentAsync(connection, reportDocumentId, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, document.Url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden && attempt == 1)
            {
                logger.LogInformation("The download URL of document {ReportDocumentId} had expired; asking for a fresh one", reportDocumentId);
                continue;
            }

            // Redirects are not followed (the SP-API handler's AllowAutoRedirect is off), so a 3xx lands here as a failure.
            var bytes = await ReadBoundedAsync(response, options.Value.MaxDocumentBytes, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw SpApiJson.Error("downloadDocument", response, bytes);
            return new DownloadedDocument(document.ReportDocumentId, bytes, response.Content.Headers.ContentType?.ToString(), document.IsGzip);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
            throw TooLarge(limit);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            // A length header can lie, or be absent: the count is what bounds it.
            if (copy.Length + read > limit)
                throw TooLarge(limit);
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static SpApiException TooLarge(long limit) =>
        new("downloadDocument", 200, "DocumentTooLarge", $"The report document is larger than {Amazon.AmazonOptions.Section}:MaxDocumentBytes ({limit} bytes).", null);

    private sealed record CreateReportBody(string ReportType, IReadOnlyList<string> MarketplaceIds, DateTimeOffset DataStartTime, DateTimeOffset DataEndTime);

    private sealed record CreatedReport(string? ReportId);

    private sealed record ReportsPage(IReadOnlyList<ReportBody>? Reports, string? NextToken);

    private sealed record DocumentBody(string? ReportDocumentId, string? Url, string? CompressionAlgorithm);

    private sealed record ReportBody(
        string ReportId,
        string ReportType,
        DateTimeOffset? DataStartTime,
        DateTimeOffset? DataEndTime,
        DateTimeOffset CreatedTime,
        string ProcessingStatus,
        string? ReportDocumentId)
    {
        public ReportInfo ToInfo() => new(ReportId, ReportType, DataStartTime, DataEndTime, CreatedTime, ProcessingStatus, ReportDocumentId);
    }
}
