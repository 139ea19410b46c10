using System.Net;
using System.Net.Http.Json;
using Opside.Api.Accounts;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// Two API processes, both Orleans clients of one silo on PostgreSQL: a session ended through one of them ends on the
/// other at once, not after some cache there runs out.
/// </summary>
public sealed class RevocationAcrossProcessesTests
{
    [Fact]
    public async Task A_password_change_through_one_api_process_ends_the_earlier_token_on_the_other_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var cluster = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "revocation");
        await using var silo = await TestSilo.StartAsync(cluster, cancellationToken: ct);
        await using var first = new OpsideApiFactory(new Dictionary<string, string?>(cluster) { ["Orleans:Role"] = "Client" });
        await using var second = new OpsideApiFactory(new Dictionary<string, string?>(cluster) { ["Orleans:Role"] = "Client" });
        using var anonymous = first.CreateClient();
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var throughFirst = first.CreateClientWithToken(token);
        using var throughSecond = second.CreateClientWithToken(token);
        // The second process has checked this token once and found it current.
        Assert.Equal(HttpStatusCode.OK, (await throughSecond.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);

        var changed = await throughFirst.PutAsJsonAsync("/api/auth/password", new PasswordChangeRequest(AccountSteps.Password, "a different long passphrase"), ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await throughSecond.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await throughFirst.GetAsync($"/api/sellers/{account.SellerId}", ct)).StatusCode);
    }
}
