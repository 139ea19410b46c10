using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Opside.Testing;
using Orleans.Runtime;

namespace Opside.Silo.Tests.Cluster;

public sealed class TwoSiloClusterTests
{
    private static readonly TimeSpan ClusterFormTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_silos_on_postgres_membership_form_one_cluster_and_fail_over_with_state()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var settings = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "two-silos");

        await using var first = await TestSilo.StartAsync(settings, cancellationToken: ct);
        await using var second = await TestSilo.StartAsync(settings, cancellationToken: ct);
        var hosts = new[] { first, second };

        foreach (var host in hosts)
            await WaitForActiveSilosAsync(host, expected: 2, ct);

        var counterThroughFirst = Factory(first).GetGrain<ICounterGrain>("shared");
        var counterThroughSecond = Factory(second).GetGrain<ICounterGrain>("shared");
        Assert.Equal(1, await counterThroughFirst.IncrementAsync());
        Assert.Equal(2, await counterThroughSecond.IncrementAsync());
        Assert.Equal(await counterThroughFirst.GetSiloAsync(), await counterThroughSecond.GetSiloAsync());

        // Stop whichever silo holds the activation; the survivor must reactivate it from PostgreSQL.
        var owner = await counterThroughFirst.GetSiloAsync();
        var (stopping, surviving) = SiloAddressOf(first) == owner ? (first, second) : (second, first);
        await stopping.StopAsync(ct);
        await WaitForActiveSilosAsync(surviving, expected: 1, ct);

        var counterAfterFailover = Factory(surviving).GetGrain<ICounterGrain>("shared");
        Assert.Equal(2, await counterAfterFailover.GetAsync());
        Assert.Equal(SiloAddressOf(surviving), await counterAfterFailover.GetSiloAsync());
        Assert.Equal(3, await counterAfterFailover.IncrementAsync());
    }

    private static IGrainFactory Factory(TestSiloHost host) => host.Services.GetRequiredService<IGrainFactory>();

    private static string SiloAddressOf(TestSiloHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    private static async Task WaitForActiveSilosAsync(TestSiloHost host, int expected, CancellationToken ct)
    {
        var management = Factory(host).GetGrain<IManagementGrain>(0);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ClusterFormTimeout);
        var active = 0;
        try
        {
            while (true)
            {
                active = (await management.GetHosts(onlyActive: true, timeout.Token)).Count;
                if (active == expected)
                    return;
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"Silo {SiloAddressOf(host)} saw {active} active silo(s), expected {expected}, within {ClusterFormTimeout}.");
        }
    }
}
