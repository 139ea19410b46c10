using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opside.Api.Tests.Sync;
using Opside.Sandbox.Synthetic;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// Detection end to end through a sandbox sync: after the sync and the seller's cost catalog, the claims the API lists
/// are exactly the Sandbox's labels; a second sync changes no claim, id or history.
/// </summary>
public sealed class ClaimsSyncTests : IAsyncLifetime
{
    private const string Partner = "A1CLAIMSSYNC01";

    private SandboxedApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await SandboxedApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_synced_seller_with_its_costs_has_exactly_the_planted_claims_and_a_second_sync_changes_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await AccountSteps.RegisterSellerAsync(_api.Anonymous);
        using var seller = _api.Factory.CreateClientWithToken(token);
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, _api.Sandbox, account.SellerId, Partner);
        await SyncSteps.WaitForSyncAsync(seller, account.SellerId, connectedAt);

        using var sandbox = new HttpClient { BaseAddress = _api.Sandbox.BaseAddress };
        var costs = await sandbox.GetByteArrayAsync($"/sandbox/sellers/{Partner}/costs.csv", ct);
        using (var body = new ByteArrayContent(costs))
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
            (await seller.PutAsync($"/api/sellers/{account.SellerId}/costs", body, ct)).EnsureSuccessStatusCode();
        }

        var labels = await sandbox.GetFromJsonAsync<SellerLabels>($"/sandbox/sellers/{Partner}/labels",
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }, ct);
        var first = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        var secondAt = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{account.SellerId}/sync", null, ct)).EnsureSuccessStatusCode();
        await SyncSteps.WaitForSyncAsync(seller, account.SellerId, secondAt);
        var second = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        Assert.NotNull(labels);
        Assert.NotEmpty(labels.Claims);
        Assert.Equal(labels.Claims.Select(ClaimSteps.Describe).Order(StringComparer.Ordinal), first.Select(ClaimSteps.Describe).Order(StringComparer.Ordinal));
        Assert.Equal(first.Count, first.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(first.Select(c => c.GetRawText()), second.Select(c => c.GetRawText()));
    }
}
