using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Sync;
using Opside.DataPlane.Rows;
using Opside.Testing;

namespace Opside.Api.Tests.Cluster;

/// <summary>
/// Two silos in their own processes on PostgreSQL, the API as their client, several sellers syncing from the sandbox:
/// the silo running most of the syncs is SIGKILLed mid-way. Every sync completes on the survivor by itself, Idle and
/// after the kill, with exactly the sandbox's planted claims (what a clean sync finds, ClaimsSyncTests) and every
/// source's stored rows equal to what the sandbox serves: nothing lost, nothing doubled.
/// </summary>
public sealed class SiloKillSyncTests
{
    private const int Sellers = 6;
    private const string Held = "getReportDocument";
    private const int ReportSources = 4;

    [Fact]
    public async Task Syncs_cut_short_by_a_killed_silo_complete_on_the_survivor_with_the_claims_of_a_clean_sync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        await using var sandboxServer = await SandboxServer.StartAsync(cancellationToken: ct);
        var settings = new Dictionary<string, string?>(TestAuth.Settings());
        foreach (var (key, value) in TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "silo-kill-sync")
                     .Concat(SyncSteps.Settings(sandboxServer)))
            settings[key] = value;
        await using var cluster = await SiloProcessCluster.StartAsync(2, settings, ct);
        using var anonymous = cluster.Api.CreateClient();
        using var sandbox = new HttpClient { BaseAddress = sandboxServer.BaseAddress };

        var sellers = new List<(string SellerId, string Partner, HttpClient Client)>();
        for (var i = 1; i <= Sellers; i++)
        {
            var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
            var partner = $"A{i}SILOKILL{i:D4}";
            var client = cluster.Api.CreateClientWithToken(token);
            sellers.Add((account.SellerId, partner, client));
            await PutCostsAsync(sandbox, client, account.SellerId, partner);
        }

        try
        {
            (await sandbox.PostAsync($"/sandbox/holds/{Held}", null, ct)).EnsureSuccessStatusCode();
            foreach (var (sellerId, partner, client) in sellers)
                await SyncSteps.ConnectAsync(client, sandboxServer, sellerId, partner);
            // Every seller's report sources are waiting on Amazon's document: all six syncs are provably mid-way.
            await WaitForHeldAsync(sandbox, Sellers * ReportSources);

            var placement = await ClusterSteps.PipelineSilosAsync(cluster.Api, sellers.Select(s => s.SellerId));
            var victim = placement.Values.GroupBy(port => port).OrderByDescending(g => g.Count()).First().Key;
            cluster.Kill(victim);
            var killedAt = DateTimeOffset.UtcNow;
            (await sandbox.DeleteAsync("/sandbox/holds", ct)).EnsureSuccessStatusCode();

            var declaredDead = ClusterSteps.WaitUntilDeclaredDeadAsync(cluster.Api, victim);
            var watch = new ClusterSteps.SiloLossWatch();
            var lastCompleted = killedAt;
            foreach (var (sellerId, partner, client) in sellers)
            {
                var status = await watch.WaitForSyncAsync(client, sellerId, killedAt);
                Assert.True(status.GetProperty("state").GetString() == "Idle", $"Seller {sellerId} ({(placement[sellerId] == victim ? "on the killed silo" : "on the survivor")}): {status}");
                Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
                var completed = status.GetProperty("lastCompletedAt").GetDateTimeOffset();
                lastCompleted = completed > lastCompleted ? completed : lastCompleted;
                await watch.WaitForPipelineAsync(client, sellerId);

                var served = await SyncSteps.ServedAsync(sandboxServer, partner);
                var stored = (await watch.GetEventuallyAsync(client, $"/api/sellers/{sellerId}/sync")).GetProperty("sources").EnumerateArray()
                    .ToDictionary(s => Enum.Parse<DataSource>(s.GetProperty("source").GetString()!), s => s.GetProperty("rowsStored").GetInt64());
                Assert.Equal(served.OrderBy(s => s.Key), stored.OrderBy(s => s.Key));

                var labels = await ClaimSteps.LabelsAsync(sandboxServer.BaseAddress, partner);
                var claims = await watch.AllClaimsAsync(client, sellerId);
                Assert.NotEmpty(labels.Claims);
                ClaimSteps.AssertExactly(labels.Claims, claims);
                ClaimSteps.AssertDistinctIds(claims);
            }

            Assert.Empty(watch.Unexpected);
            ClusterSteps.Report("sync", placement.Values.Count(p => p == victim), placement.Count, await declaredDead - killedAt, lastCompleted - killedAt, watch.Unavailable);
        }
        catch (Exception) when (DumpOutput(cluster))
        {
            throw;
        }
        finally
        {
            await sandbox.DeleteAsync("/sandbox/holds", CancellationToken.None);
            foreach (var seller in sellers)
                seller.Client.Dispose();
        }
    }

    internal static bool DumpOutput(SiloProcessCluster cluster)
    {
        TestContext.Current.SendDiagnosticMessage(cluster.Output());
        return false;
    }

    private static async Task PutCostsAsync(HttpClient sandbox, HttpClient seller, string sellerId, string partner)
    {
        var ct = TestContext.Current.CancellationToken;
        var costs = await sandbox.GetByteArrayAsync($"/sandbox/sellers/{partner}/costs.csv", ct);
        using var body = new ByteArrayContent(costs);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
        (await seller.PutAsync($"/api/sellers/{sellerId}/costs", body, ct)).EnsureSuccessStatusCode();
    }

    private static async Task WaitForHeldAsync(HttpClient sandbox, int calls)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        int waiting;
        while ((waiting = (await sandbox.GetFromJsonAsync<JsonElement>($"/sandbox/holds/{Held}", ct)).GetProperty("waiting").GetInt32()) < calls)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Only {waiting} of {calls} {Held} calls reached the hold.");
            await Task.Delay(50, ct);
        }
    }
}
