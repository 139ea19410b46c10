using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Opside.Api.Tests.Claims;
using Opside.Api.Tests.Cluster;
using Opside.Sandbox.Synthetic;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Two silos on PostgreSQL and the API as an Orleans client: the README's "Run a cluster", in process.</summary>
public sealed class ClientModeClusterTests
{
    [Fact]
    public async Task The_api_in_client_mode_sees_two_active_silos_and_calls_grains_through_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var cluster = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "client-mode");
        await using var first = await TestSilo.StartAsync(cluster, cancellationToken: ct);
        await using var second = await TestSilo.StartAsync(cluster, cancellationToken: ct);

        await using var api = new OpsideApiFactory(new Dictionary<string, string?>(cluster) { ["Orleans:Role"] = "Client" });
        using var client = api.CreateClient();

        var ready = await SiloProcessCluster.WaitForActiveSilosAsync(client, expected: 2, ct);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());

        using var ops = api.CreateClientWithToken(TestAuth.Ops());
        using var counters = JsonDocument.Parse(await ops.GetStringAsync("/dashboard/DashboardCounters", ct));
        var activeHosts = counters.RootElement.GetProperty("hosts").EnumerateArray()
            .Count(h => h.GetProperty("status").GetString() == "Active");
        Assert.Equal(2, activeHosts);

        (await client.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/via-gateway", new ProbeNote("hello"), ct)).EnsureSuccessStatusCode();
        Assert.Equal(new ProbeCount(1), await client.GetFromJsonAsync<ProbeCount>($"{ProbeEndpoints.Prefix}/via-gateway", ct));

        // A grain's refusal crosses the wire as its own type and reaches the caller as its problem, not a 500.
        await DomainRefusalTests.AssertRefusalsAsync(client, "via-gateway", ct);

        // Claims are read on a silo: the client-mode API, which has no data plane of its own, lists and shows them.
        var synthetic = SellerGenerator.Generate("A1CLIENTMODE", DateOnly.FromDateTime(DateTime.UtcNow), SellerScale.Small);
        var (account, token) = await AccountSteps.RegisterSellerAsync(client);
        using var seller = api.CreateClientWithToken(token);
        await SellerUploadSteps.UploadEverythingAsync(seller, account.SellerId, synthetic);
        var claims = await ClaimSteps.AllClaimsAsync(seller, account.SellerId);

        ClaimSteps.AssertExactly(synthetic.Labels.Claims.Where(c => SellerUploadSteps.UploadCovered.Contains(c.Type.ToString())),
            claims.Where(c => SellerUploadSteps.UploadCovered.Contains(c.GetProperty("type").GetString())));
        var listed = claims[0];
        var one = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/claims/{listed.GetProperty("id").GetString()}", ct);
        Assert.Equal(listed.GetRawText(), one.GetRawText());
        // Another seller asking for that claim id under its own seller id does not find it.
        var (otherAccount, otherToken) = await AccountSteps.RegisterSellerAsync(client);
        using var other = api.CreateClientWithToken(otherToken);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.GetAsync($"/api/sellers/{otherAccount.SellerId}/claims/{listed.GetProperty("id").GetString()}", ct)).StatusCode);
    }
}
