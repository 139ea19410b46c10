using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Sync;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;
using Opside.Testing;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// The claims read model repairs itself (docs/claim-workflow.md, "Read model"): a failed projection write is retried
/// until it lands, newest version last; and the ops rebuild from the claim grains gives back exactly the live
/// projection, whatever was lost, damaged or left over in the read model.
/// </summary>
public sealed class ClaimReadModelRepairTests(SandboxedApiFixture fixture) : IClassFixture<SandboxedApiFixture>
{
    private const string Partner = "A7REBUILD0011";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_projection_that_fails_is_retried_until_the_newest_version_is_in_the_read_model()
    {
        await using var api = new OpsideApiFactory();
        // The first three read-model writes fail: the grain's first change and the retries after it.
        await using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => FailingDataPlaneStore.Replace(s, 3, "UpsertClaimsAsync")));
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>("projection-retry");
        var store = factory.Services.GetRequiredService<IDataPlaneStore>();
        var now = DateTimeOffset.UtcNow;

        // Both calls answer: the claim's state is stored, and the projection is owed, not lost.
        var detected = await grain.UpsertAsync(ClaimWorkflowTests.Facts("seller-retry"), DateOnly.FromDateTime(now.UtcDateTime), now);
        var filed = await grain.FileAsync("seller-retry", "15678123451", now, "user-1");

        ClaimRecord? projected = null;
        for (var attempt = 0; attempt < 300 && projected?.Version != filed.Version; attempt++)
        {
            await Task.Delay(100, Ct);
            projected = await store.GetClaimAsync("seller-retry", "projection-retry", Ct);
        }

        Assert.Equal(1, detected.Version);
        Assert.NotNull(projected);
        Assert.Equal((2L, "Filed", "15678123451"), (projected.Version, projected.Status, projected.CaseId));
        var claim = JsonSerializer.Deserialize(projected.Json, ClaimJsonContext.Default.Claim)!;
        Assert.Equal(filed.History.Select(h => h.To), claim.History.Select(h => h.To));
    }

    [Fact]
    public async Task The_ops_rebuild_from_the_grains_equals_the_live_projection_after_rows_were_lost_damaged_or_left_over()
    {
        var sandboxed = fixture.Api;
        var (sellerId, seller) = await sandboxed.SellerAsync();
        using var _ = seller;
        using var ops = sandboxed.Factory.CreateClientWithToken(TestAuth.Ops());
        var store = sandboxed.Factory.Services.GetRequiredService<IDataPlaneStore>();
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, sandboxed.Sandbox, sellerId, Partner);
        await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
        var claimable = (await ClaimSteps.AllClaimsAsync(seller, sellerId)).First(c => c.GetProperty("status").GetString() == "Claimable");
        var filing = await seller.PostAsJsonAsync($"/api/sellers/{sellerId}/claims/{claimable.GetProperty("id").GetString()}/filing", new { caseId = "15678123459" }, Ct);
        filing.EnsureSuccessStatusCode();
        var live = await ReadModelAsync(store, sellerId);
        Assert.True(live.Count >= 3, $"The sandbox seller has {live.Count} claims; the test needs three.");

        // Lost: a row gone. Damaged: a row of the same version with the wrong content. Left over: a row no grain holds.
        await store.DeleteClaimsAsync(sellerId, [live[0].ClaimId], Ct);
        await store.RewriteClaimsAsync([live[1] with { Status = "Dismissed", Json = "{}", Search = "" }], Ct);
        await store.UpsertClaimsAsync([live[2] with { ClaimId = "stray-claim", Json = """{"id":"stray-claim"}""" }], Ct);
        var damaged = await ReadModelAsync(store, sellerId);

        var rebuild = await ops.PostAsync($"/api/ops/sellers/{sellerId}/claims/rebuild", null, Ct);
        var unknownSeller = await ops.PostAsync("/api/ops/sellers/no-such-seller/claims/rebuild", null, Ct);
        var bySeller = await seller.PostAsync($"/api/ops/sellers/{sellerId}/claims/rebuild", null, Ct);

        Assert.NotEqual(live, damaged);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        var done = await rebuild.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(live.Count, done.GetProperty("claims").GetInt32());
        Assert.Equal(live.Count, done.GetProperty("rewritten").GetInt32());
        Assert.Equal(1, done.GetProperty("removed").GetInt32());
        Assert.Equal(live, await ReadModelAsync(store, sellerId));
        Assert.Equal(HttpStatusCode.NotFound, unknownSeller.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySeller.StatusCode);
    }

    /// <summary>Every read-model row of the seller, in id order.</summary>
    private static async Task<List<ClaimRecord>> ReadModelAsync(IDataPlaneStore store, string sellerId)
    {
        var rows = new List<ClaimRecord>();
        for (var page = 1; ; page++)
        {
            var result = await store.QueryClaimsAsync(new ClaimQuery(sellerId, page, 500), Ct);
            rows.AddRange(result.Items);
            if (rows.Count >= result.Total)
                return [.. rows.OrderBy(r => r.ClaimId, StringComparer.Ordinal)];
        }
    }
}
