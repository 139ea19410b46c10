using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Opside.Api.Tests.Sync;
using Opside.Api.Tests.Uploads;
using Opside.Grains.Pipeline;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// Detection end to end through a sandbox sync, for several sellers (seeds): after the sync and the seller's cost
/// catalog, the claims the API lists are exactly the Sandbox's labels, no decoy is claimed and the shipments that need
/// review are counted; a second sync and a second detection change no claim, id or history.
/// </summary>
public sealed class ClaimsSyncTests(SandboxedApiFixture fixture) : IClassFixture<SandboxedApiFixture>
{
    [Theory]
    [InlineData("A1CLAIMSSYNC01")]
    [InlineData("A2K7SYNCSEEDQ2")]
    [InlineData("AZ3SYNCSELLER3")]
    public Task A_synced_seller_with_its_costs_has_exactly_the_planted_claims_and_a_second_sync_changes_none(string partner) =>
        ClaimsSync.AssertPlantedClaimsAsync(fixture.Api, partner);
}

/// <summary>The same through a sandbox of Demo-scale sellers: about 24,000 ledger rows around the same plants.</summary>
public sealed class ClaimsSyncDemoTests(ClaimsSyncDemoTests.DemoSandbox fixture) : IClassFixture<ClaimsSyncDemoTests.DemoSandbox>
{
    [Fact]
    public Task A_synced_demo_size_seller_has_exactly_the_planted_claims_and_a_second_sync_changes_none() =>
        ClaimsSync.AssertPlantedClaimsAsync(fixture.Api, "A4SYNCDEMO0004");

    /// <summary>
    /// Scale is a setting of the sandbox process, not of the partner id. A Demo seller has about 85 inbound shipments,
    /// one items call each: past the burst of 30, Amazon's 2 calls a second alone take half a minute, so rates are 20×.
    /// </summary>
    public sealed class DemoSandbox : SandboxedApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> SandboxSettings =>
            new Dictionary<string, string?> { ["Sandbox:Scale"] = "Demo", ["Sandbox:RateLimitScale"] = "20" };
    }
}

internal static class ClaimsSync
{
    public static async Task AssertPlantedClaimsAsync(SandboxedApi api, string partner)
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await api.SellerAsync();
        using var _ = seller;
        var connectedAt = DateTimeOffset.UtcNow;
        await SyncSteps.ConnectAsync(seller, api.Sandbox, sellerId, partner);
        await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);

        using var sandbox = new HttpClient { BaseAddress = api.Sandbox.BaseAddress };
        var costs = await sandbox.GetByteArrayAsync($"/sandbox/sellers/{partner}/costs.csv", ct);
        using (var body = new ByteArrayContent(costs))
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
            (await seller.PutAsync($"/api/sellers/{sellerId}/costs", body, ct)).EnsureSuccessStatusCode();
        }
        await PipelineSteps.WaitForPipelineAsync(seller, sellerId);

        var labels = await ClaimSteps.LabelsAsync(api.Sandbox.BaseAddress, partner);
        var first = await ClaimSteps.AllClaimsAsync(seller, sellerId);

        var secondAt = DateTimeOffset.UtcNow;
        (await seller.PostAsync($"/api/sellers/{sellerId}/sync", null, ct)).EnsureSuccessStatusCode();
        await SyncSteps.WaitForSyncAsync(seller, sellerId, secondAt);
        var second = await ClaimSteps.AllClaimsAsync(seller, sellerId);

        // Detection once more on the same data: the needs-review count is only in the grain's summary, not in the API.
        var summary = (await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISellerPipelineGrain>(sellerId).DetectNowAsync())!;
        var third = await ClaimSteps.AllClaimsAsync(seller, sellerId);

        Assert.NotEmpty(labels.Claims);
        // Every claim, whatever its status: with every source synced before detection, nothing is resolved along the way.
        ClaimSteps.AssertExactly(labels.Claims, first);
        ClaimSteps.AssertNoDecoyClaimed(labels.Decoys, first);
        ClaimSteps.AssertReturnFnskus(labels.Claims, first);
        ClaimSteps.AssertDistinctIds(first);
        Assert.Equal((labels.Claims.Count, 0, labels.NeedsReview.Count), (summary.Claims, summary.Resolved, summary.NeedsReview));
        Assert.Equal(first.Select(Raw), second.Select(Raw));
        Assert.Equal(first.Select(Raw), third.Select(Raw));
    }

    private static string Raw(JsonElement claim) => claim.GetRawText();
}
