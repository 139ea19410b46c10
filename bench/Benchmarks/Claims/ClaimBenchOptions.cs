using System.Globalization;
using Opside.Benchmarks.Detection.EndToEnd;

namespace Opside.Benchmarks.Claims;

/// <summary>
/// The claim benchmarks' command line: <c>--store postgres|sqlite</c> (PostgreSQL when <c>OPSIDE_BENCH_POSTGRES</c>
/// is set, as the detection run defaults), <c>--keep</c> to leave the store in place for EXPLAIN, and integers by name.
/// </summary>
internal sealed record ClaimBenchOptions(string Store, bool Keep, IReadOnlyList<string> Args)
{
    public static ClaimBenchOptions Parse(string[] args)
    {
        var options = new ClaimBenchOptions("", args.Contains("--keep"), args);
        var store = options.Value("--store", Environment.GetEnvironmentVariable(BenchStore.PostgresVariable) is { Length: > 0 } ? "postgres" : "sqlite").ToLowerInvariant();
        if (store is not ("postgres" or "sqlite"))
            throw new ArgumentException($"--store must be postgres or sqlite, got {store}");
        return options with { Store = store };
    }

    public int Int(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>Comma-separated integers, e.g. <c>--concurrency 1,64,256</c>.</summary>
    public IReadOnlyList<int> Ints(string name, string fallback) =>
        [.. Value(name, fallback).Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    private string Value(string name, string fallback)
    {
        var at = Args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < Args.Count ? Args[at + 1] : fallback;
    }
}
