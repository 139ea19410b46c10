using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>The single-node run keeps its data in the SQLite file across a stop and a start.</summary>
public sealed class SqliteRestartTests
{
    [Fact]
    public async Task Grain_state_written_before_a_restart_is_there_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();

        await using (var before = new OpsideApiFactory(data.Path))
        {
            using var client = before.CreateClient();
            (await client.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/durable", new ProbeNote("one"), ct)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/durable", new ProbeNote("two"), ct)).EnsureSuccessStatusCode();
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "opside.db")));

        await using var after = new OpsideApiFactory(data.Path);
        using var restarted = after.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/health/ready", ct)).StatusCode);
        var count = await restarted.GetFromJsonAsync<ProbeCount>($"{ProbeEndpoints.Prefix}/durable", ct);
        Assert.Equal(new ProbeCount(2), count);
    }

    [Fact]
    public async Task A_seller_stored_before_settings_existed_reads_with_the_default_settings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        string sellerId;
        await using (var before = new OpsideApiFactory(data.Path))
        {
            using var anonymous = before.CreateClient();
            var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
            sellerId = account.SellerId;
            using var seller = before.CreateClientWithToken(token);
            using var optIn = new StringContent("""{ "claimDamageCodesHku": true }""", Encoding.UTF8, "application/json");
            (await seller.PutAsync($"/api/sellers/{sellerId}/settings", optIn, ct)).EnsureSuccessStatusCode();
        }

        // The row as a silo without settings wrote it: the same JSON without the settings property.
        Assert.Equal(1, await RewriteSellerStateAsync(data.Path, sellerId, state => state.Remove("Settings")));

        await using var after = new OpsideApiFactory(data.Path);
        using var restarted = after.CreateClientWithToken(TestAuth.Ops());
        var profile = await restarted.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}", ct);
        var settings = await restarted.GetFromJsonAsync<JsonElement>($"/api/sellers/{sellerId}/settings", ct);
        Assert.Equal("Acme Outdoor", profile.GetProperty("companyName").GetString());
        Assert.False(settings.GetProperty("claimDamageCodesHku").GetBoolean());
    }

    /// <summary>Edits the stored JSON of the seller grain's state; answers the rows changed.</summary>
    private static async Task<int> RewriteSellerStateAsync(string dataDirectory, string sellerId, Action<JsonObject> edit)
    {
        await using var connection = Open(dataDirectory);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT grain_type, payload_json FROM grain_state WHERE grain_key = $key AND state_name = 'seller'";
        read.Parameters.AddWithValue("$key", sellerId);
        string grainType, json;
        await using (var reader = await read.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            (grainType, json) = (reader.GetString(0), reader.GetString(1));
        }

        var state = JsonNode.Parse(json)!.AsObject();
        Assert.True(state.ContainsKey("Settings"), json);
        edit(state);
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE grain_state SET payload_json = $json WHERE grain_type = $type AND grain_key = $key AND state_name = 'seller'";
        write.Parameters.AddWithValue("$json", state.ToJsonString());
        write.Parameters.AddWithValue("$type", grainType);
        write.Parameters.AddWithValue("$key", sellerId);
        return await write.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static SqliteConnection Open(string dataDirectory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "opside.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
