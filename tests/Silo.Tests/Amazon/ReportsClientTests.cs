using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Opside.DataPlane.Reports;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Testing;

namespace Opside.Silo.Tests.Amazon;

/// <summary>
/// The Reports client through the production handler chain (resilience, rate limits, signing, logging) against the
/// sandbox over loopback HTTP. The sandbox runs on a fake clock so that a document URL can be made to expire.
/// </summary>
public sealed class ReportsClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _sandboxTime = new(DateTimeOffset.UtcNow);
    private readonly CollectingLoggerProvider _logs = new();
    private SandboxServer _sandbox = null!;
    private ServiceProvider _services = null!;
    private ExpireDocumentUrlOnce _expire = null!;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(time: _sandboxTime, cancellationToken: TestContext.Current.CancellationToken);
        _expire = new ExpireDocumentUrlOnce(_sandboxTime);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.OpsideSettings()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amazon:ReportPolling:InitialDelay"] = "00:00:00.010",
            ["Amazon:Http:RetryBaseDelay"] = "00:00:00.010",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Information))
            .AddOpsideAmazonClient();
        // Innermost, after the production handlers: it sees exactly what goes on the wire.
        services.AddHttpClient<ReportsClient>().AddHttpMessageHandler(() => _expire);
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_report_is_made_polled_and_downloaded_and_an_expired_url_is_renewed_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await ConnectionAsync("A1REPORTS");
        var reports = _services.GetRequiredService<ReportsClient>();
        var now = _sandboxTime.GetUtcNow();

        var reportId = await reports.CreateReportAsync(connection, "GET_LEDGER_DETAIL_VIEW_DATA", now.AddDays(-90), now, ct);
        var report = await reports.WaitForReportAsync(connection, reportId, ct);
        _expire.Armed = true;
        var document = await reports.DownloadAsync(connection, report!.ReportDocumentId!, ct);
        var rows = AmazonReports.LedgerDetail.Parse(document.Content, document.ContentType, document.IsGzip);

        Assert.Equal(ReportInfo.Done, report.ProcessingStatus);
        Assert.True(_expire.Expired, "the first download URL was not made to expire");
        Assert.NotEmpty(rows.Rows);
        Assert.Empty(rows.Rejected);
        Assert.Contains(_logs.Lines, l => l.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_range_without_rows_ends_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await ConnectionAsync("A1EMPTYRANGE");
        var reports = _services.GetRequiredService<ReportsClient>();
        var longAgo = _sandboxTime.GetUtcNow().AddYears(-5);

        var reportId = await reports.CreateReportAsync(connection, "GET_FBA_REIMBURSEMENTS_DATA", longAgo, longAgo.AddDays(30), ct);
        var report = await reports.WaitForReportAsync(connection, reportId, ct);

        Assert.Equal(ReportInfo.Cancelled, report!.ProcessingStatus);
        Assert.Null(report.ReportDocumentId);
    }

    [Fact]
    public async Task A_status_check_throttled_past_its_retries_is_polled_again_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await ConnectionAsync("A1THROTTLEDPOLL");
        var reports = _services.GetRequiredService<ReportsClient>();
        var now = _sandboxTime.GetUtcNow();
        // One more 429 than a call's retries absorb, so the first poll's retries run out.
        var throttled = _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AmazonOptions>>().Value.Http.RetryAttempts + 2;
        using (var control = new HttpClient { BaseAddress = _sandbox.BaseAddress })
            (await control.PostAsJsonAsync("/sandbox/faults", new { operation = "getReport", status = 429, count = throttled }, ct)).EnsureSuccessStatusCode();

        var reportId = await reports.CreateReportAsync(connection, "GET_FBA_REIMBURSEMENTS_DATA", now.AddDays(-30), now, ct);
        var report = await reports.WaitForReportAsync(connection, reportId, ct);

        Assert.NotNull(report);
        Assert.True(report.IsTerminal);
        Assert.Contains(_logs.Lines, l => l.Contains("stayed throttled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_call_is_logged_with_operation_status_and_request_id_and_never_a_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await ConnectionAsync("A1LOGGED");
        var reports = _services.GetRequiredService<ReportsClient>();
        var now = _sandboxTime.GetUtcNow();

        var reportId = await reports.CreateReportAsync(connection, "GET_FBA_REIMBURSEMENTS_DATA", now.AddDays(-30), now, ct);
        await reports.WaitForReportAsync(connection, reportId, ct);

        var calls = _logs.Lines.Where(l => l.StartsWith("SP-API ", StringComparison.Ordinal)).ToList();
        Assert.Contains(calls, l => l.Contains("createReport", StringComparison.Ordinal) && l.Contains("answered 202", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(l, @"request id [0-9a-f-]{36}"));
        Assert.Contains(calls, l => l.Contains("getReport", StringComparison.Ordinal) && l.Contains("answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(connection.RefreshToken, StringComparison.Ordinal) || l.Contains("Atza|", StringComparison.Ordinal));
        Assert.DoesNotContain(connection.RefreshToken, connection.ToString(), StringComparison.Ordinal);
    }

    private async Task<SpApiConnection> ConnectionAsync(string sellingPartnerId)
    {
        var (_, refreshToken) = await _sandbox.SelfAuthorizeAsync(sellingPartnerId, TestContext.Current.CancellationToken);
        return new SpApiConnection("seller-" + sellingPartnerId, "NA", _sandbox.BaseAddress, ["ATVPDKIKX0DER"], refreshToken);
    }

    /// <summary>When armed, moves the sandbox's clock six minutes on before the first document download, so its URL has expired.</summary>
    private sealed class ExpireDocumentUrlOnce(FakeTimeProvider sandboxTime) : DelegatingHandler
    {
        public bool Armed { get; set; }

        public bool Expired { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Armed && !Expired && request.RequestUri!.AbsolutePath.StartsWith("/sandbox/documents/", StringComparison.Ordinal))
            {
                sandboxTime.Advance(TimeSpan.FromMinutes(6));
                Expired = true;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
