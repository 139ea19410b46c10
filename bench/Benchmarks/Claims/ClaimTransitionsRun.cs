using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Opside.Benchmarks.Detection.EndToEnd;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;

namespace Opside.Benchmarks.Claims;

/// <summary>
/// Claim transitions per second through <see cref="IClaimGrain"/>s on one silo (the production <c>AddOpsideSilo</c>)
/// over a throwaway store. For each <c>--concurrency</c> level, fresh claims are created Claimable
/// (<see cref="IClaimGrain.UpsertAsync(ClaimFacts, DateOnly, DateTimeOffset)"/>: activation, first state write, projection), then each is filed
/// (<see cref="IClaimGrain.FileAsync"/>: Claimable → Filed) and then decided (<see cref="IClaimGrain.DecideAsync"/>:
/// Filed → Approved), with that many calls in flight. Every transition writes the grain's state and waits for it,
/// and for the claim's row in the read model, before the call returns: the rate is of durable transitions. Each
/// phase is timed on its own; the read model is checked at the end. Run: <c>dotnet run -c Release --project
/// bench/Benchmarks -- claim-transitions --store sqlite|postgres [--concurrency 1,64,256] [--claims 2000]</c>.
/// </summary>
internal static class ClaimTransitionsRun
{
    public const string Command = "claim-transitions";
    private const string SellerId = "bench-transitions-seller";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ClaimBenchOptions.Parse(args);
        var levels = options.Ints("--concurrency", "1,64,256");
        var claims = options.Int("--claims", 2_000);
        // One call at a time is slow enough that a few hundred claims give a steady figure.
        var serialClaims = options.Int("--serial-claims", 300);

        await using var target = await BenchStore.CreateAsync(options.Store, keep: options.Keep);
        using var host = await BenchSilo.StartAsync(target.Provider, target.Locator);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"claim-transitions on {options.Store}, silo started (server GC {System.Runtime.GCSettings.IsServerGC}); load average {ClaimsListRun.LoadAverage()}");

        // Not reported: the JIT and the stores' pools, so the first level is not charged for them.
        await RunLevelAsync(grains, "warmup", 16, 200, print: false);
        var rows = new List<string>();
        foreach (var level in levels)
            rows.AddRange(await RunLevelAsync(grains, $"c{level}", level, level == 1 ? serialClaims : claims, print: true));

        var store = host.Services.GetRequiredService<IDataPlaneStore>();
        var approved = await store.QueryClaimsAsync(new ClaimQuery(SellerId, 1, 1, Status: nameof(ClaimStatus.Approved)), CancellationToken.None);
        Console.WriteLine($"read model: {approved.Total:N0} Approved claims (expected {200 + levels.Sum(l => l == 1 ? serialClaims : claims):N0}); load average {ClaimsListRun.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| in flight | claims | phase | transitions/s | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        await host.StopAsync();
        return 0;
    }

    private static async Task<IReadOnlyList<string>> RunLevelAsync(IGrainFactory grains, string prefix, int inFlight, int count, bool print)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var claims = Enumerable.Range(0, count).Select(i => grains.GetGrain<IClaimGrain>($"bench-{prefix}-{i}")).ToArray();
        var index = Enumerable.Range(0, count).ToArray();
        var phases = new (string Name, Func<int, Task> Call)[]
        {
            ("create (Upsert → Claimable)", i => claims[i].UpsertAsync(ClaimTransitionFacts.Claimable(SellerId, i, today), today, DateTimeOffset.UtcNow)),
            ("file (Claimable → Filed)", i => claims[i].FileAsync(SellerId, $"1{i:D10}", DateTimeOffset.UtcNow, "bench-user")),
            ("decide (Filed → Approved)", i => claims[i].DecideAsync(SellerId, ClaimStatus.Approved, "benchmark", "bench-user")),
        };
        var rows = new List<string>();
        foreach (var (name, call) in phases)
        {
            var (rate, latency) = await TimeAsync(index, inFlight, call);
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {inFlight} | {count:N0} | {name} | {rate:N0} | {latency.P50:0.0} | {latency.P99:0.0} | {latency.Max:0.0} |");
            if (print)
                Console.WriteLine(row);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every call once, <paramref name="inFlight"/> at a time; calls per second of wall time and each call's latency.</summary>
    private static async Task<(double Rate, LatencySummary Latency)> TimeAsync(int[] index, int inFlight, Func<int, Task> call)
    {
        var samples = new double[index.Length];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(index, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        return (index.Length / clock.Elapsed.TotalSeconds, LatencySummary.Of(samples));
    }
}
