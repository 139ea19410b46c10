using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Opside.Sandbox.Synthetic;
using Opside.Testing;
using static Opside.Sandbox.Tests.SpApiCalls;

namespace Opside.Sandbox.Tests;

public sealed class GateAndControlTests
{
    private const string Partner = "A1GATECONTROL1";

    [Fact]
    public async Task Calls_without_a_valid_access_token_are_refused_with_an_SP_API_error()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(time: time, cancellationToken: Ct);
        using var anonymous = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var refused = await anonymous.GetAsync("/reports/2021-06-30/reports/1", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Unauthorized", ErrorCode(await refused.JsonAsync()));
        Assert.True(refused.Headers.Contains("x-amzn-RequestId"));

        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
        time.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(1)));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Over_the_bucket_calls_get_429_QuotaExceeded_with_the_rate_header_per_seller_and_operation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:RateLimits:getReport:Rate"] = "0.5", ["Sandbox:RateLimits:getReport:Burst"] = "2" }, time, Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
        var throttled = await http.GetAsync("/reports/2021-06-30/reports/1", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var error = (await throttled.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("QuotaExceeded", error.GetProperty("code").GetString());
        Assert.Equal("You exceeded your quota for the requested resource.", error.GetProperty("message").GetString());
        Assert.Equal("0.5", throttled.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.NotEmpty(throttled.Headers.GetValues("x-amzn-RequestId").Single());

        // Another operation and another seller have buckets of their own; the bucket refills at the rate.
        var reports = await http.GetAsync($"/reports/2021-06-30/reports?reportTypes={ReportRenderer.Ledger}", Ct);
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.Equal("0.0222", reports.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        using var other = await sandbox.SpApiClientAsync("A2OTHERSELLER2", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/reports/2021-06-30/reports/1", Ct)).StatusCode);

        var log = await (await http.GetAsync("/sandbox/requests?operation=getReport", Ct)).JsonAsync();
        Assert.Equal(6, log.GetProperty("counts").GetProperty("getReport").GetInt32());
        Assert.Equal(2, log.GetProperty("requests").EnumerateArray().Count(r => r.GetProperty("status").GetInt32() == 429));
    }

    [Fact]
    public async Task Scripted_faults_answer_the_next_calls_of_an_operation_then_it_recovers()
    {
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: Ct);
        using var http = await sandbox.SpApiClientAsync(Partner, Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/sandbox/faults", new { operation = "getReports", status = 503, count = 2 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/sandbox/faults", new { operation = "getReports", status = 429, count = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/sandbox/faults", new { operation = "getReports", status = 404, count = 1 }, Ct)).StatusCode);
        var url = $"/reports/2021-06-30/reports?reportTypes={ReportRenderer.Ledger}";
        var first = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("ServiceUnavailable", ErrorCode(await first.JsonAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(url, Ct)).StatusCode);
        var quota = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, quota.StatusCode);
        Assert.Equal("QuotaExceeded", ErrorCode(await quota.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url, Ct)).StatusCode);

        await http.PostAsJsonAsync("/sandbox/faults", new { operation = "getReports", status = 500, count = 5 }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/sandbox/faults", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task Labels_costs_and_summary_describe_the_seller_the_api_serves()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:AsOf"] = "2026-06-15" }, cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var seller = SellerGenerator.Generate(Partner, new DateOnly(2026, 6, 15), SellerScale.Small);

        var labels = await (await http.GetAsync($"/sandbox/sellers/{Partner}/labels", Ct)).JsonAsync();
        Assert.Equal("2026-06-15", labels.GetProperty("asOf").GetString());
        var claims = labels.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(seller.Labels.Claims.Count, claims.Count);
        Assert.Equal("WarehouseLost", claims[0].GetProperty("type").GetString());
        Assert.Contains(claims, c => c.GetProperty("status").GetString() == "Watching");
        Assert.Contains(claims, c => c.GetProperty("estimatedValue").ValueKind == JsonValueKind.Null);
        Assert.Contains(claims, c => c.GetProperty("estimatedValue").ValueKind == JsonValueKind.Object && c.GetProperty("estimatedValue").GetProperty("currency").GetString() == "USD");
        Assert.NotEmpty(labels.GetProperty("decoys").EnumerateArray().Select(d => d.GetProperty("why").GetString()));
        Assert.Equal(1, labels.GetProperty("needsReview").GetArrayLength());

        var costs = await http.GetAsync($"/sandbox/sellers/{Partner}/costs.csv", Ct);
        Assert.Equal("text/csv", costs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CostCatalogCsv.Render(seller), await costs.Content.ReadAsStringAsync(Ct));

        var summary = await (await http.GetAsync($"/sandbox/sellers/{Partner}/summary", Ct)).JsonAsync();
        Assert.Equal(seller.Ledger.Count, summary.GetProperty("ledgerRows").GetInt32());
        Assert.Equal(seller.Reimbursements.Count, summary.GetProperty("reimbursementRows").GetInt32());
        Assert.Equal(seller.Shipments.Sum(s => s.Items.Count), summary.GetProperty("inboundShipmentItems").GetInt32());
        Assert.Equal(seller.Refunds.Count, summary.GetProperty("refundItems").GetInt32());
        Assert.InRange(summary.GetProperty("ledgerRows").GetInt32(), 1500, 8000);
    }
}
