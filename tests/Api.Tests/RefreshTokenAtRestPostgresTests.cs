using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Opside.Api.Amazon;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>The PostgreSQL store holds the refresh token encrypted only.</summary>
public sealed class RefreshTokenAtRestPostgresTests
{
    [Fact]
    public async Task The_refresh_token_is_nowhere_in_the_postgres_tables()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        var settings = sandbox.OpsideSettings();
        settings["Storage:Provider"] = "Postgres";
        settings["ConnectionStrings:Opside"] = database.ConnectionString;
        await using var factory = new OpsideApiFactory(settings);
        using var anonymous = factory.CreateClient();
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var seller = factory.CreateClientWithToken(token);
        var (partner, refreshToken) = await sandbox.SelfAuthorizeAsync("A4POSTGRES", ct);

        (await seller.PutAsJsonAsync($"/api/sellers/{account.SellerId}/amazon/connection",
            new ConnectionRequest(refreshToken, partner, "NA", ["ATVPDKIKX0DER"]), ct)).EnsureSuccessStatusCode();

        // Every text and byte column of every table Opside owns, read back as text.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var everything = new StringBuilder();
        foreach (var table in new[] { "orleansstorage", "orleansreminderstable", "orleansmembershiptable", "orleansquery", "opside_schema_version" })
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                everything.AppendLine(reader.GetString(0));
        }

        await using (var payloads = new NpgsqlCommand("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE payloadbinary IS NOT NULL", connection))
        await using (var reader = await payloads.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                everything.AppendLine(reader.GetString(0));
        }

        var text = everything.ToString();
        Assert.DoesNotContain(refreshToken["Atzr|".Length..], text, StringComparison.Ordinal);
        Assert.Contains("\"ProtectedRefreshToken\":\"v2.", text, StringComparison.Ordinal);
    }
}
