using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Opside.Benchmarks.Detection.EndToEnd;
using Opside.DataPlane.Claims;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;

namespace Opside.Benchmarks.Claims;

/// <summary>
/// Claims list latency on one store: <see cref="LargeClaimSet"/> written into a throwaway store through
/// <see cref="IDataPlaneStore.UpsertClaimsAsync"/> (as the projector writes it), then each of
/// <see cref="ClaimListShapes"/> called through <see cref="IDataPlaneStore.QueryClaimsAsync"/>, one call at a time,
/// <c>--iterations</c> times after <c>--warmup</c> calls (or for at most <c>--seconds</c>, and at least 20 calls), and each call's wall time
/// kept to give percentiles; BenchmarkDotNet's means would hide the tail that the target is about. Run:
/// <c>dotnet run -c Release --project bench/Benchmarks -- claims-list --store sqlite|postgres</c>; figures in
/// docs/benchmarks.md.
/// </summary>
internal static class ClaimsListRun
{
    public const string Command = "claims-list";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ClaimBenchOptions.Parse(args);
        var iterations = options.Int("--iterations", 1_000);
        var warmup = options.Int("--warmup", 50);
        var seconds = options.Int("--seconds", 30);
        Console.WriteLine($"claims-list on {options.Store}, {iterations} iterations after {warmup} warm-up calls, at most {seconds} s a shape; load average {LoadAverage()}");

        await using var target = await BenchStore.CreateAsync(options.Store, keep: options.Keep);
        var (store, lifetime) = target.Open();
        using (lifetime)
        {
            await SeedAsync(store, target);
            var (caseId, orderFragment) = await SearchTermsAsync(store);
            Console.WriteLine($"search terms: case id {caseId}, order fragment {orderFragment}");
            await TimeJsonReadAsync(store);

            var results = new List<(ClaimListShape Shape, int Items, long Total, LatencySummary Latency)>();
            foreach (var shape in ClaimListShapes.For(caseId, orderFragment))
            {
                var (items, total, latency) = await MeasureAsync(store, shape.Query, iterations, warmup, TimeSpan.FromSeconds(seconds));
                results.Add((shape, items, total, latency));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{shape.Name,-58} items {items,4} of {total,6}  {latency}"));
            }

            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine("| shape | items / total | p50 ms | p95 ms | p99 ms | max ms | calls |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (shape, items, total, l) in results)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape.Name} | {items} / {total:N0} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} | {l.Count:N0} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p99 < 20 ms: {results.Count(r => r.Latency.P99 < 20)} of {results.Count} shapes"));
        }

        return 0;
    }

    private static async Task SeedAsync(IDataPlaneStore store, BenchStore target)
    {
        var clock = Stopwatch.StartNew();
        var (rows, bytes) = (0, 0L);
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var batch in LargeClaimSet.Batches())
        {
            rows += await store.UpsertClaimsAsync(batch, CancellationToken.None);
            foreach (var claim in batch.Where(c => c.SellerId == LargeClaimSet.SellerId))
            {
                statuses[claim.Status] = statuses.GetValueOrDefault(claim.Status) + 1;
                bytes += claim.Json.Length;
            }
        }

        var mix = string.Join(", ", statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {rows:N0} claims in {clock.Elapsed.TotalSeconds:0.0} s; the seller's {statuses.Values.Sum():N0} (JSON {bytes / statuses.Values.Sum():N0} chars on average): {mix}"));
        if (target.Provider == "postgres")
        {
            // Autovacuum vacuums and analyzes a table this size within a minute of the load (the insert threshold of
            // PostgreSQL 13 on): doing it now measures the plans and the index-only scans (visibility map set) that
            // production settles on, not those of a table PostgreSQL still believes empty.
            await using var connection = new NpgsqlConnection(target.Locator);
            await connection.OpenAsync();
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE claims", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A case id and part of an order id that the seller's claims hold, for the text searches.</summary>
    private static async Task<(string CaseId, string OrderFragment)> SearchTermsAsync(IDataPlaneStore store)
    {
        var filed = await store.QueryClaimsAsync(new ClaimQuery(LargeClaimSet.SellerId, 3, 50, Status: "Filed"), CancellationToken.None);
        var returns = await store.QueryClaimsAsync(new ClaimQuery(LargeClaimSet.SellerId, 3, 50, Type: "CustomerReturnNotReceived"), CancellationToken.None);
        var order = returns.Items[7].Search.Split('\n')[2];
        return (filed.Items[7].CaseId!, order[4..12]);
    }

    /// <summary>What reading a page's JSON costs the reader grain on top of the store's call (not in the figures).</summary>
    private static async Task TimeJsonReadAsync(IDataPlaneStore store)
    {
        foreach (var size in new[] { 50, 500 })
        {
            var page = await store.QueryClaimsAsync(new ClaimQuery(LargeClaimSet.SellerId, 1, size), CancellationToken.None);
            var samples = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var clock = Stopwatch.GetTimestamp();
                foreach (var item in page.Items)
                    _ = JsonSerializer.Deserialize(item.Json, ClaimJsonContext.Default.Claim);
                samples.Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            }

            Console.WriteLine($"JSON read of a page of {size}: {LatencySummary.Of(samples[50..])}");
        }
    }

    private static async Task<(int Items, long Total, LatencySummary Latency)> MeasureAsync(
        IDataPlaneStore store, ClaimQuery query, int iterations, int warmup, TimeSpan budget)
    {
        // Warm-up and timing are bounded by time as well as by count: a shape taking seconds a call is far past the
        // target after a few calls, and a thousand of them would take the run hours.
        ClaimRecordPage page = await store.QueryClaimsAsync(query, CancellationToken.None);
        var warming = Stopwatch.StartNew();
        for (var i = 1; i < warmup && warming.Elapsed < budget / 5; i++)
            page = await store.QueryClaimsAsync(query, CancellationToken.None);
        var samples = new List<double>(iterations);
        var spent = Stopwatch.StartNew();
        while (samples.Count < iterations && (spent.Elapsed < budget || samples.Count < 20))
        {
            var start = Stopwatch.GetTimestamp();
            page = await store.QueryClaimsAsync(query, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return (page.Items.Count, page.Total, LatencySummary.Of(samples));
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
}
