using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Testing;
using Polly.CircuitBreaker;

namespace Opside.Silo.Tests.Amazon;

/// <summary>
/// The SP-API circuit breaker is per Amazon host, i.e. per region: a region that keeps failing is left alone for a
/// while, and another region's calls go on. One sandbox reached as 127.0.0.1 and as localhost stands for two
/// regions: two hosts, as far as the client can tell.
/// </summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_sandbox.OpsideSettings()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amazon:Http:RetryAttempts"] = "2",
            ["Amazon:Http:RetryBaseDelay"] = "00:00:00.001",
            ["Amazon:Http:CircuitBreakDuration"] = "00:01:00",
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddOpsideAmazonClient()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_region_that_keeps_failing_is_cut_off_and_another_region_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var control = new HttpClient { BaseAddress = _sandbox.BaseAddress })
            (await control.PostAsJsonAsync("/sandbox/faults", new { operation = "getReport", status = 503, count = 1000 }, ct)).EnsureSuccessStatusCode();
        var reports = _services.GetRequiredService<ReportsClient>();
        var failing = await ConnectionAsync(_sandbox.BaseAddress, "A1FAILINGREGION");
        var healthy = await ConnectionAsync(new UriBuilder(_sandbox.BaseAddress) { Host = "localhost" }.Uri, "A1HEALTHYREGION");

        // Each call tries three times; after enough 503s the breaker opens and calls fail at once.
        var outcomes = new List<Exception>();
        for (var call = 0; call < 8; call++)
            outcomes.Add(await Assert.ThrowsAnyAsync<Exception>(() => reports.GetReportAsync(failing, "50000000001", ct)));
        var sameRegion = await Assert.ThrowsAnyAsync<Exception>(() =>
            reports.CreateReportAsync(failing, "GET_FBA_REIMBURSEMENTS_DATA", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, ct));
        var reportId = await reports.CreateReportAsync(healthy, "GET_FBA_REIMBURSEMENTS_DATA", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, ct);
        using var log = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        var served = await log.GetFromJsonAsync<System.Text.Json.JsonElement>("/sandbox/requests?operation=getReport", ct);

        Assert.IsType<SpApiException>(outcomes[0]);
        Assert.Equal(503, ((SpApiException)outcomes[0]).Status);
        Assert.IsType<BrokenCircuitException>(outcomes[^1]);
        // Once open, the failing region saw no more requests: far fewer than 8 calls × 3 attempts reached it.
        Assert.True(served.GetProperty("counts").GetProperty("getReport").GetInt32() < 8 * 3);
        // The open circuit covers the whole region (createReport too); the other region is served.
        Assert.IsType<BrokenCircuitException>(sameRegion);
        Assert.False(string.IsNullOrEmpty(reportId));
    }

    private async Task<SpApiConnection> ConnectionAsync(Uri endpoint, string sellingPartnerId)
    {
        var (_, refreshToken) = await _sandbox.SelfAuthorizeAsync(sellingPartnerId, TestContext.Current.CancellationToken);
        return new SpApiConnection("seller-" + sellingPartnerId, "NA", endpoint, ["ATVPDKIKX0DER"], refreshToken);
    }
}
