using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Amazon;

namespace Opside.Api.Tests.Sync;

/// <summary>How a sync lives through Amazon misbehaving: throttling storms, server errors, FATAL and CANCELLED reports.</summary>
public sealed class SyncFaultTests : IAsyncLifetime
{
    private SandboxedApi _api = null!;
    private HttpClient _control = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await SandboxedApi.StartAsync();
        _control = new HttpClient { BaseAddress = _api.Sandbox.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_429_storm_and_server_errors_are_retried_and_nothing_is_duplicated()
    {
        var ct = TestContext.Current.CancellationToken;
        await FaultAsync(new { operation = "getReport", status = 429, count = 25 });
        await FaultAsync(new { operation = "createReport", status = 503, count = 2 });
        await FaultAsync(new { operation = "listFinancialEvents", status = 429, count = 8 });
        await FaultAsync(new { operation = "getShipmentItems", status = 500, count = 3 });
        var (sellerId, seller) = await _api.SellerAsync();

        var status = await ConnectAndWaitAsync(seller, sellerId, "A1STORM");

        Assert.True(status.GetProperty("state").GetString() == "Idle", $"The sync did not complete: {status}");
        Assert.Equal(await SyncSteps.ServedAsync(_api.Sandbox, "A1STORM"), await SyncSteps.CountsAsync(_api.Factory, sellerId));
        var requests = await _control.GetFromJsonAsync<JsonElement>("/sandbox/requests", ct);
        // The storm really hit: Amazon answered 429s, and Opside came back for more until it was served.
        Assert.Contains(requests.GetProperty("requests").EnumerateArray(), r => r.GetProperty("status").GetInt32() == 429);
    }

    [Fact]
    public async Task A_fatal_report_fails_only_its_source_and_the_next_sync_fetches_it()
    {
        await FaultAsync(new { reportType = "GET_FBA_REIMBURSEMENTS_DATA", processingStatus = "FATAL" });
        var (sellerId, seller) = await _api.SellerAsync();

        var failed = await ConnectAndWaitAsync(seller, sellerId, "A1FATAL");
        var countsAfterFailure = await SyncSteps.CountsAsync(_api.Factory, sellerId);
        var retriedAt = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var retried = await SyncSteps.WaitForSyncAsync(seller, sellerId, retriedAt);

        var served = await SyncSteps.ServedAsync(_api.Sandbox, "A1FATAL");
        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Contains("Reimbursements", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var reimbursements = Source(failed, "Reimbursements");
        Assert.Equal("Failed", reimbursements.GetProperty("state").GetString());
        Assert.Contains("FATAL", reimbursements.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        // The other sources kept what they fetched.
        Assert.Equal(0, countsAfterFailure[DataSource.Reimbursements]);
        Assert.Equal(served[DataSource.Ledger], countsAfterFailure[DataSource.Ledger]);
        Assert.Equal("Idle", retried.GetProperty("state").GetString());
        Assert.Equal(served, await SyncSteps.CountsAsync(_api.Factory, sellerId));
    }

    [Fact]
    public async Task A_cancelled_report_means_no_rows_for_its_range_and_is_not_a_failure()
    {
        await FaultAsync(new { reportType = "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", processingStatus = "CANCELLED" });
        var (sellerId, seller) = await _api.SellerAsync();

        var status = await ConnectAndWaitAsync(seller, sellerId, "A1CANCEL");

        Assert.Equal("Idle", status.GetProperty("state").GetString());
        Assert.Equal("Synced", Source(status, "CustomerReturns").GetProperty("state").GetString());
        Assert.Equal(0, (await SyncSteps.CountsAsync(_api.Factory, sellerId))[DataSource.CustomerReturns]);
    }

    [Fact]
    public async Task Requests_per_operation_never_exceed_the_token_bucket()
    {
        var (sellerId, seller) = await _api.SellerAsync();
        await ConnectAndWaitAsync(seller, sellerId, "A1RATES");

        var requests = await _control.GetFromJsonAsync<JsonElement>("/sandbox/requests", TestContext.Current.CancellationToken);
        var byOperation = requests.GetProperty("requests").EnumerateArray()
            .GroupBy(r => r.GetProperty("operation").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.GetProperty("at").GetDateTimeOffset()).Order().ToList());
        var buckets = new[]
        {
            SpApiOperation.CreateReport, SpApiOperation.GetReport, SpApiOperation.GetReportDocument,
            SpApiOperation.ListFinancialEvents, SpApiOperation.GetShipments, SpApiOperation.GetShipmentItems,
        };

        Assert.Contains(byOperation, o => o.Value.Count > 1);
        foreach (var bucket in buckets)
        {
            var times = byOperation.GetValueOrDefault(bucket.Name) ?? [];
            // In any window [t_i, t_j] a token bucket lets through at most burst + rate × (t_j − t_i) requests
            // (one more for the sandbox's and Opside's clocks reading the same instant differently).
            for (var i = 0; i < times.Count; i++)
                for (var j = i; j < times.Count; j++)
                {
                    var allowed = bucket.Burst + bucket.RatePerSecond * (times[j] - times[i]).TotalSeconds + 1;
                    Assert.True(j - i + 1 <= allowed,
                        $"{bucket.Name}: {j - i + 1} requests between {times[i]:O} and {times[j]:O}, the bucket allows {allowed:0.0}");
                }
        }
    }

    private async Task FaultAsync(object fault) =>
        (await _control.PostAsJsonAsync("/sandbox/faults", fault, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();


    private async Task<JsonElement> ConnectAndWaitAsync(HttpClient seller, string sellerId, string sellingPartnerId)
    {
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, _api.Sandbox, sellerId, sellingPartnerId);
        return await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
    }

    private static JsonElement Source(JsonElement status, string name) =>
        status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == name);

}
