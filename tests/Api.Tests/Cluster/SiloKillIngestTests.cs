using System.Globalization;
using System.Text.Json;
using Npgsql;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Uploads;
using Opside.Testing;

namespace Opside.Api.Tests.Cluster;

/// <summary>
/// Two silos in their own processes on PostgreSQL, the API as their client: the silo running a seller's upload ingest
/// is SIGKILLed mid-way. The upload completes by itself on the survivor, once, and the seller's stored ledger and
/// claims equal those of a seller that uploaded the same file without a kill.
/// </summary>
public sealed class SiloKillIngestTests
{
    [Fact]
    public async Task An_ingest_cut_short_by_a_killed_silo_completes_once_on_the_survivor_as_a_clean_upload_does()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var settings = new Dictionary<string, string?>(TestAuth.Settings())
        {
            ["Uploads:MaxBytes"] = "67108864",
            // The test polls the upload's status every few milliseconds to catch its ingest mid-way.
            ["RateLimits:UserPermitLimit"] = "1000000",
        };
        foreach (var (key, value) in TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "silo-kill-ingest"))
            settings[key] = value;
        await using var cluster = await SiloProcessCluster.StartAsync(2, settings, ct);
        using var anonymous = cluster.Api.CreateClient();
        var file = IngestKillTests.LedgerFile(IngestKillTests.Rows);
        var (clean, cleanToken) = await AccountSteps.RegisterSellerAsync(anonymous);
        var (killed, killedToken) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var cleanClient = cluster.Api.CreateClientWithToken(cleanToken);
        using var killedClient = cluster.Api.CreateClientWithToken(killedToken);
        try
        {
            var reference = await IngestKillTests.UploadAsync(cleanClient, clean.SellerId, file);
            await PipelineSteps.WaitForPipelineAsync(cleanClient, clean.SellerId);
            Assert.Equal("Completed", (await PipelineSteps.UploadAsync(cleanClient, clean.SellerId, reference)).GetProperty("status").GetString());
            var cleanClaims = IngestKillTests.Describe(await ClaimSteps.AllClaimsAsync(cleanClient, clean.SellerId));

            var uploadId = await IngestKillTests.UploadAsync(killedClient, killed.SellerId, file);
            await WaitUntilIngestingAsync(killedClient, killed.SellerId, uploadId);
            var victim = (await ClusterSteps.PipelineSilosAsync(cluster.Api, [killed.SellerId]))[killed.SellerId];
            cluster.Kill(victim);
            var killedAt = DateTimeOffset.UtcNow;
            var declaredDead = ClusterSteps.WaitUntilDeclaredDeadAsync(cluster.Api, victim);

            var watch = new ClusterSteps.SiloLossWatch();
            var done = await WaitForCompletedAsync(watch, killedClient, killed.SellerId, uploadId);
            await watch.WaitForPipelineAsync(killedClient, killed.SellerId);

            Assert.Equal(IngestKillTests.Rows, done.GetProperty("rows").GetInt64());
            var completedAt = done.GetProperty("completedAt").GetDateTimeOffset();
            Assert.True(completedAt > killedAt, done.GetRawText());
            Assert.Equal(cleanClaims, IngestKillTests.Describe(await watch.AllClaimsAsync(killedClient, killed.SellerId)));
            var cleanRows = await StoredLedgerAsync(database.ConnectionString, clean.SellerId);
            Assert.Equal(IngestKillTests.Rows, cleanRows.Count);
            Assert.Equal(cleanRows, await StoredLedgerAsync(database.ConnectionString, killed.SellerId));
            Assert.Empty(watch.Unexpected);
            ClusterSteps.Report("ingest", 1, 1, await declaredDead - killedAt, completedAt - killedAt, watch.Unavailable);
        }
        catch (Exception) when (SiloKillSyncTests.DumpOutput(cluster))
        {
            throw;
        }
    }

    private static async Task WaitUntilIngestingAsync(HttpClient seller, string sellerId, string uploadId)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var upload = await PipelineSteps.UploadAsync(seller, sellerId, uploadId);
            var status = upload.GetProperty("status").GetString();
            if (status == "Ingesting")
                return;
            Assert.True(status == "Staged", $"The upload went {status} before its ingest was caught: {upload}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The upload was not seen Ingesting in time; last: {upload}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonElement> WaitForCompletedAsync(ClusterSteps.SiloLossWatch watch, HttpClient seller, string sellerId, string uploadId)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
        while (true)
        {
            var upload = await watch.GetEventuallyAsync(seller, $"/api/sellers/{sellerId}/uploads/{uploadId}");
            var status = upload.GetProperty("status").GetString();
            if (status == "Completed")
                return upload;
            Assert.True(status is "Staged" or "Ingesting", $"The upload went {status} after the kill: {upload}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The upload did not complete within 4 minutes of the kill; last: {upload}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every stored ledger row of the seller, without its id, in a stable order.</summary>
    private static async Task<List<string>> StoredLedgerAsync(string connectionString, string sellerId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT * FROM ledger_events WHERE seller_id = @seller", connection);
        command.Parameters.AddWithValue("seller", sellerId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("seller_id" or "id"))
                .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
