using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;
using Opside.Grains.Scoring;
using Opside.Testing;
using Orleans.Runtime;

namespace Opside.Silo.Tests.Cluster;

/// <summary>
/// A promotion on one silo reaches the scoring workers of the other (docs/model-card.md, "Serving"): each silo's
/// catalog reads the served version from PostgreSQL, so a model promoted through silo one is the one silo two's
/// stateless workers score with, within the catalog's refresh, and so is a rollback.
/// </summary>
public sealed class ModelHotSwapClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly ScoringContext Context = new("US", new Dictionary<string, TypeHistory> { ["WarehouseLost"] = new(8, 10) });

    [Fact]
    public async Task A_model_promoted_and_rolled_back_through_one_silo_is_served_by_the_other()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var settings = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "model-swap");
        await using var first = await TestSilo.StartAsync(settings, cancellationToken: ct);
        await using var second = await TestSilo.StartAsync(settings, cancellationToken: ct);
        await WaitForAsync(async () => (await Factory(second).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count == 2, "two active silos", ct);
        var registry = Factory(first).GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Key);

        // Silo two scores before any model exists, so its workers are active and must pick up what comes later.
        Assert.Null(await ScoreOnAsync(second));
        var older = await TrainAsync(registry);
        await WaitForAsync(async () => (await ScoreOnAsync(second))?.ModelVersion == older, $"silo two serving {older}", ct);
        var newer = await TrainAsync(registry);
        await WaitForAsync(async () => (await ScoreOnAsync(second))?.ModelVersion == newer, $"silo two serving {newer}", ct);
        await registry.RollbackAsync("ops@example.test");
        await WaitForAsync(async () => (await ScoreOnAsync(second))?.ModelVersion == older, $"silo two back on {older}", ct);

        Assert.NotEqual(older, newer);
        Assert.Equal(older, (await ScoreOnAsync(first))?.ModelVersion);
        // Every worker activation on silo two follows, not only the one a single call reaches.
        var many = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => ScoreOnAsync(second)));
        Assert.All(many, score => Assert.Equal(older, score?.ModelVersion));
    }

    private static async Task<string> TrainAsync(IModelRegistryGrain registry)
    {
        var result = await registry.TrainAsync(new ModelTrainingCommand("ops@example.test", Bootstrap: true, BootstrapRows: 4_000, Seed: 3));
        Assert.True(result.Promoted, result.Reason);
        return result.Model.Version;
    }

    /// <summary>A stateless worker called from a silo's own grain factory runs on that silo.</summary>
    private static Task<ClaimScoreView?> ScoreOnAsync(TestSiloHost host) =>
        Factory(host).GetGrain<IClaimScoringGrain>(0).ScoreAsync(Claim.From(Snapshot), Today, Context);

    private static ClaimSnapshot Snapshot { get; } = new("swap-claim",
        new ClaimFacts("seller-swap", "WarehouseLost", "X00SWAP001|anchor", "X00SWAP001", "SWAP-SKU", null, null, null, null,
            Today.AddDays(-50), Today.AddDays(-5), Today.AddDays(10), 2, new ClaimMoney(24.50m, "USD"),
            [new ClaimEvidenceRow("GET_LEDGER_DETAIL_VIEW_DATA", [new ClaimField("Reason", "M"), new ClaimField("Quantity", "-2")])], []),
        ClaimStatus.Claimable, [], 1);

    private static IGrainFactory Factory(TestSiloHost host) => host.Services.GetRequiredService<IGrainFactory>();

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Patience);
        try
        {
            while (!await condition())
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"Not {what} within {Patience}.");
        }
    }
}
