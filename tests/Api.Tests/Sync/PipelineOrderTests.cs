using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Uploads;

namespace Opside.Api.Tests.Sync;

/// <summary>
/// One writer per seller: an upload and settings changes made while a sync is provably mid-way (its report downloads
/// held at the sandbox) are queued behind it, and detection runs once, after all of them, on complete data.
/// </summary>
public sealed class PipelineOrderTests : IAsyncLifetime
{
    private const string Partner = "A1PIPEORDER";
    private const string Held = "getReportDocument";
    private SandboxedApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await SandboxedApi.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_upload_and_settings_changes_during_a_sync_are_detected_once_after_it_as_in_a_clean_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sellerId, seller) = await _api.SellerAsync();
        using var _ = seller;
        using var sandbox = new HttpClient { BaseAddress = _api.Sandbox.BaseAddress };
        (await sandbox.PostAsync($"/sandbox/holds/{Held}", null, ct)).EnsureSuccessStatusCode();
        try
        {
            var connectedAt = DateTimeOffset.UtcNow;
            await SyncSteps.ConnectAsync(seller, _api.Sandbox, sellerId, Partner);
            await SyncSteps.WaitUntilHeldAsync(sandbox, Held);

            // Mid-sync: the cost catalog, and the H/K/U opt-in switched on and off again.
            var costs = await sandbox.GetByteArrayAsync($"/sandbox/sellers/{Partner}/costs.csv", ct);
            using (var body = new ByteArrayContent(costs))
            {
                body.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
                Assert.Equal(HttpStatusCode.OK, (await seller.PutAsync($"/api/sellers/{sellerId}/costs", body, ct)).StatusCode);
            }

            foreach (var optIn in new[] { "true", "false" })
            {
                using var settings = new StringContent($$"""{ "claimDamageCodesHku": {{optIn}} }""", Encoding.UTF8, "application/json");
                Assert.Equal(HttpStatusCode.OK, (await seller.PutAsync($"/api/sellers/{sellerId}/settings", settings, ct)).StatusCode);
            }

            var during = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/sync", ct);
            var claimsDuring = await ClaimSteps.AllClaimsAsync(seller, sellerId);

            Assert.Equal("Running", during.GetProperty("state").GetString());
            var pipeline = during.GetProperty("pipeline");
            Assert.Equal("Sync", pipeline.GetProperty("running").GetString());
            Assert.StartsWith("Ingest ", Assert.Single(pipeline.GetProperty("queued").EnumerateArray()).GetString(), StringComparison.Ordinal);
            Assert.True(pipeline.GetProperty("detectionPending").GetBoolean());
            // Nothing was detected on the half-synced data.
            Assert.Empty(claimsDuring);

            (await sandbox.DeleteAsync("/sandbox/holds", ct)).EnsureSuccessStatusCode();
            await SyncSteps.WaitForSyncAsync(seller, sellerId, connectedAt);
            await PipelineSteps.WaitForPipelineAsync(seller, sellerId);
        }
        finally
        {
            await sandbox.DeleteAsync("/sandbox/holds", ct);
        }

        var claims = await ClaimSteps.AllClaimsAsync(seller, sellerId);
        var labels = await ClaimSteps.LabelsAsync(_api.Sandbox.BaseAddress, Partner);

        // Exactly a clean run's claims (sync, then the catalog, with the default settings), each created once and
        // never moved: one detection ran, after the sync, the catalog and both settings changes.
        ClaimSteps.AssertExactly(labels.Claims, claims);
        ClaimSteps.AssertNoDecoyClaimed(labels.Decoys, claims);
        Assert.All(claims, c => Assert.Equal(1, c.GetProperty("history").GetArrayLength()));
    }
}
