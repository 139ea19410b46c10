using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Opside.Api.Tests.Sync;

/// <summary>A sync that takes a while (its report downloads held at the sandbox) blocks nobody, and requests meanwhile coalesce.</summary>
public sealed class SyncWhileRunningTests : IAsyncLifetime
{
    private const string Held = "getReportDocument";
    private SandboxedApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await SandboxedApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task While_a_sync_runs_the_seller_answers_and_repeated_requests_queue_one_more_sync()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_api.Anonymous);
        using var seller = _api.Factory.CreateClientWithToken(token);
        using var sandbox = new HttpClient { BaseAddress = _api.Sandbox.BaseAddress };
        (await sandbox.PostAsync($"/sandbox/holds/{Held}", null, ct)).EnsureSuccessStatusCode();
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, _api.Sandbox, account.SellerId, "A1SLOWSYNC");

        // The first sync waits at the held report download: it is provably running, whatever the machine's speed.
        await SyncSteps.WaitUntilHeldAsync(sandbox, Held);
        var running = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/sync", ct);
        var profile = await seller.GetAsync($"/api/sellers/{account.SellerId}", ct);
        var connection = await seller.GetAsync($"/api/sellers/{account.SellerId}/amazon/connection", ct);
        var again = await seller.PostAsync($"/api/sellers/{account.SellerId}/sync", null, ct);
        var andAgain = await seller.PostAsync($"/api/sellers/{account.SellerId}/sync", null, ct);

        Assert.Equal("Running", running.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, connection.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("Queued", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("state").GetString());
        Assert.Equal("Queued", (await andAgain.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("state").GetString());

        // The first sync, then exactly one more for both requests, which started after the first one.
        (await sandbox.DeleteAsync("/sandbox/holds", ct)).EnsureSuccessStatusCode();
        var final = await SyncSteps.WaitForSyncAsync(seller, account.SellerId, connectedAt);
        var requests = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/requests?operation=createReport", ct);

        Assert.True(final.GetProperty("lastStartedAt").GetDateTimeOffset() > running.GetProperty("lastStartedAt").GetDateTimeOffset());
        Assert.Equal("Idle", final.GetProperty("state").GetString());
        // Four report types per sync, two syncs: the two queued requests did not make a third.
        Assert.Equal(8, requests.GetProperty("counts").GetProperty("createReport").GetInt32());
    }
}
