using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;
using Opside.Api.Tests.Sync;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// A refresh-token ciphertext is bound to its seller: copied into another seller's stored state (as someone with
/// write access to the database might), it does not decrypt there, and that seller's sync fails instead of
/// reading the other company's Amazon account.
/// </summary>
public sealed partial class RefreshTokenSellerBindingTests
{
    [Fact]
    public async Task A_ciphertext_copied_into_another_sellers_state_does_not_decrypt_there()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        var settings = SyncSteps.Settings(sandbox);
        settings["Storage:Provider"] = "Postgres";
        settings["ConnectionStrings:Opside"] = database.ConnectionString;
        // Keys that outlive one process, as in production, so the restart below reads what the first one wrote.
        settings["Security:TokenEncryption:Keys:0:Id"] = "k1";
        settings["Security:TokenEncryption:Keys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Auth:Jwt:SigningKeys:0:Id"] = "j1";
        settings["Auth:Jwt:SigningKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        string victim, attacker, victimToken, attackerToken;
        await using (var before = new OpsideApiFactory(settings))
        {
            using var anonymous = before.CreateClient();
            (var victimAccount, victimToken) = await AccountSteps.RegisterSellerAsync(anonymous);
            (var attackerAccount, attackerToken) = await AccountSteps.RegisterSellerAsync(anonymous);
            (victim, attacker) = (victimAccount.SellerId, attackerAccount.SellerId);
            using var victimClient = before.CreateClientWithToken(victimToken);
            using var attackerClient = before.CreateClientWithToken(attackerToken);
            var started = DateTimeOffset.UtcNow;
            await SyncSteps.ConnectAsync(victimClient, sandbox, victim, "A4VICTIM0001");
            await SyncSteps.ConnectAsync(attackerClient, sandbox, attacker, "A4ATTACKER01");
            Assert.Equal("Idle", (await SyncSteps.WaitForSyncAsync(attackerClient, attacker, started)).GetProperty("state").GetString());
            Assert.Equal("Idle", (await SyncSteps.WaitForSyncAsync(victimClient, victim, started)).GetProperty("state").GetString());
        }

        // The attacker's seller row gets the victim's ciphertext, everything else left as it was.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            var victimCiphertext = Ciphertext(await SellerPayloadAsync(connection, "A4VICTIM0001", ct));
            var attackerPayload = await SellerPayloadAsync(connection, "A4ATTACKER01", ct);
            var forged = attackerPayload.Replace(Ciphertext(attackerPayload), victimCiphertext, StringComparison.Ordinal);
            Assert.Contains(victimCiphertext, forged, StringComparison.Ordinal);
            await using var update = new NpgsqlCommand(
                "UPDATE orleansstorage SET payloadbinary = convert_to(@payload, 'UTF8') WHERE convert_from(payloadbinary, 'UTF8') = @original", connection);
            update.Parameters.AddWithValue("payload", forged);
            update.Parameters.AddWithValue("original", attackerPayload);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(ct));
        }

        await using var after = new OpsideApiFactory(settings);
        using var attackerAfter = after.CreateClientWithToken(attackerToken);
        using var victimAfter = after.CreateClientWithToken(victimToken);
        var restarted = DateTimeOffset.UtcNow;
        var attackerSync = await attackerAfter.PostAsync($"/api/sellers/{attacker}/sync", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, (await victimAfter.PostAsync($"/api/sellers/{victim}/sync", null, ct)).StatusCode);
        var victimSync = await SyncSteps.WaitForSyncAsync(victimAfter, victim, restarted);

        // Refused in words, with nothing fetched for the attacker; the victim's own sync is untouched.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, attackerSync.StatusCode);
        var problem = await attackerSync.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains("cannot be read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Idle", victimSync.GetProperty("state").GetString());
    }

    /// <summary>The stored state of the seller connected to <paramref name="sellingPartnerId"/>.</summary>
    private static async Task<string> SellerPayloadAsync(NpgsqlConnection connection, string sellingPartnerId, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(
            "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE convert_from(payloadbinary, 'UTF8') LIKE '%\"ProtectedRefreshToken\"%' AND convert_from(payloadbinary, 'UTF8') LIKE @partner", connection);
        select.Parameters.AddWithValue("partner", $"%\"SellingPartnerId\":\"{sellingPartnerId}\"%");
        return (string)(await select.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"no stored seller state connected to {sellingPartnerId}"));
    }

    private static string Ciphertext(string payload) => ProtectedToken().Match(payload) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("the payload holds no v2 ciphertext");

    [GeneratedRegex("\"ProtectedRefreshToken\":\"(v2\\.[^\"]+)\"")]
    private static partial Regex ProtectedToken();
}
