using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Opside.Sandbox.Synthetic;
using Opside.Testing;
using static Opside.Sandbox.Tests.SpApiCalls;

namespace Opside.Sandbox.Tests;

public sealed class ReportsApiTests
{
    private const string Partner = "A1REPORTS00001";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_report_goes_from_queue_to_done_and_its_signed_document_url_expires()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:ReportProcessingTime"] = "00:00:09" }, time, Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var start = Now.AddDays(-60);
        var end = Now.AddDays(-30);

        var id = await http.CreateReportAsync(ReportRenderer.Ledger, start, end);
        var queued = await http.GetReportAsync(id);
        Assert.Equal("IN_QUEUE", queued.GetProperty("processingStatus").GetString());
        Assert.Equal(ReportRenderer.Iso(start), queued.GetProperty("dataStartTime").GetString());
        Assert.Equal(ReportRenderer.Iso(end), queued.GetProperty("dataEndTime").GetString());
        Assert.Equal(ReportRenderer.Iso(Now), queued.GetProperty("createdTime").GetString());
        Assert.False(queued.TryGetProperty("reportDocumentId", out _));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("IN_PROGRESS", (await http.GetReportAsync(id)).GetProperty("processingStatus").GetString());
        time.Advance(TimeSpan.FromSeconds(6));
        var done = await http.GetReportAsync(id);
        Assert.Equal("DONE", done.GetProperty("processingStatus").GetString());

        var documentId = done.GetProperty("reportDocumentId").GetString()!;
        var document = await (await http.GetAsync($"/reports/2021-06-30/documents/{Q(documentId)}", Ct)).JsonAsync();
        var url = document.GetProperty("url").GetString()!;
        var gzip = document.TryGetProperty("compressionAlgorithm", out var algorithm) && algorithm.GetString() == "GZIP";
        using var s3 = new HttpClient(); // the download is a pre-signed URL: no SP-API token
        var download = await s3.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var text = ReportDocumentText.Decode(await download.Content.ReadAsByteArrayAsync(Ct), gzip, download.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("\"Date\"\t\"FNSKU\"", text, StringComparison.Ordinal);

        var seller = SellerGenerator.Generate(Partner, DateOnly.FromDateTime(Now.UtcDateTime), SellerScale.Small);
        var expected = seller.Ledger.Count(r => r.Instant >= start && r.Instant <= end);
        Assert.Equal(expected, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);

        time.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        var expired = await s3.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var xml = await expired.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<Code>AccessDenied</Code>", xml, StringComparison.Ordinal);
        Assert.Contains("Request has expired", xml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await s3.GetAsync(url.Replace("X-Amz-Signature=", "X-Amz-Signature=0", StringComparison.Ordinal), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_range_without_rows_is_cancelled_and_has_no_document()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:AsOf"] = "2026-06-15" }, cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var id = await http.CreateReportAsync(ReportRenderer.ReturnsReport, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var report = await http.GetReportAsync(id);
        Assert.Equal("CANCELLED", report.GetProperty("processingStatus").GetString());
        Assert.False(report.TryGetProperty("reportDocumentId", out _));
    }

    [Fact]
    public async Task A_report_requested_inside_the_generation_cooldown_ends_fatal()
    {
        await using var sandbox = await SandboxServer.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:AsOf"] = "2026-06-15", ["Sandbox:ReportCooldown:Daily"] = "04:00:00", ["Sandbox:ReportCooldown:NearRealTime"] = "00:30:00" },
            cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        Assert.Equal("DONE", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.ReimbursementsReport))).GetProperty("processingStatus").GetString());
        Assert.Equal("FATAL", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.ReimbursementsReport))).GetProperty("processingStatus").GetString());
        Assert.Equal("DONE", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.RemovalOrders))).GetProperty("processingStatus").GetString());
        Assert.Equal("FATAL", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.RemovalOrders))).GetProperty("processingStatus").GetString());

        // Cooldowns are per seller.
        using var other = await sandbox.SpApiClientAsync("A2OTHERSELLER1", Ct);
        Assert.Equal("DONE", (await other.GetReportAsync(await other.CreateReportAsync(ReportRenderer.ReimbursementsReport))).GetProperty("processingStatus").GetString());
    }

    [Fact]
    public async Task GetReports_pages_with_nextToken_as_the_only_parameter()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:AsOf"] = "2026-06-15" }, cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await http.CreateReportAsync(ReportRenderer.Ledger, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        await http.CreateReportAsync(ReportRenderer.ReturnsReport);

        var first = await (await http.GetAsync($"/reports/2021-06-30/reports?reportTypes={ReportRenderer.Ledger}&pageSize=2", Ct)).JsonAsync();
        Assert.Equal(2, first.GetProperty("reports").GetArrayLength());
        var token = first.GetProperty("nextToken").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/reports/2021-06-30/reports?nextToken={Q(token)}&pageSize=2", Ct)).StatusCode);
        var second = await (await http.GetAsync($"/reports/2021-06-30/reports?nextToken={Q(token)}", Ct)).JsonAsync();
        Assert.False(second.TryGetProperty("nextToken", out _));
        var listed = first.GetProperty("reports").EnumerateArray().Concat(second.GetProperty("reports").EnumerateArray()).Select(r => r.GetProperty("reportId").GetString()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), listed);

        var done = await (await http.GetAsync($"/reports/2021-06-30/reports?reportTypes={ReportRenderer.ReturnsReport}&processingStatuses=DONE", Ct)).JsonAsync();
        Assert.Equal(1, done.GetProperty("reports").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/reports/2021-06-30/reports", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/reports/2021-06-30/reports?reportTypes={ReportRenderer.Ledger}&pageSize=x", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/reports/2021-06-30/reports?reportTypes={ReportRenderer.Ledger}&createdSince=yesterday", Ct)).StatusCode);
    }

    [Fact]
    public async Task Scripted_outcomes_make_the_next_report_fatal_or_cancelled_and_a_retry_succeeds()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:AsOf"] = "2026-06-15" }, cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        var fault = await http.PostAsJsonAsync("/sandbox/faults", new { reportType = ReportRenderer.Ledger, processingStatus = "FATAL" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        await http.PostAsJsonAsync("/sandbox/faults", new { reportType = ReportRenderer.Ledger, processingStatus = "CANCELLED" }, Ct);
        Assert.Equal("FATAL", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.Ledger))).GetProperty("processingStatus").GetString());
        Assert.Equal("CANCELLED", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.Ledger))).GetProperty("processingStatus").GetString());
        Assert.Equal("DONE", (await http.GetReportAsync(await http.CreateReportAsync(ReportRenderer.Ledger))).GetProperty("processingStatus").GetString());
    }
}
