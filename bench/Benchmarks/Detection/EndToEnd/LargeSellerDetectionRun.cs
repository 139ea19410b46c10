using System.Diagnostics;
using System.Globalization;

namespace Opside.Benchmarks.Detection.EndToEnd;

/// <summary>
/// Whole detection for <see cref="LargeSeller"/> as the product runs it: the seller's rows read from the store,
/// every rule evaluated, every claim upserted into its grain (grain state and the claims read model written), in a
/// silo of its own. The parent seeds the store; a child process measures, so that its peak memory is detection's,
/// not the generator's. Run: <c>dotnet run -c Release --project bench/Benchmarks -- large-seller-detection
/// [--store postgres|sqlite]</c> (PostgreSQL needs <c>OPSIDE_BENCH_POSTGRES</c>). Figures in docs/benchmarks.md.
/// </summary>
internal static class LargeSellerDetectionRun
{
    public const string Command = "large-seller-detection";
    private const string ChildFlag = "--measure";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RunOptions.Parse(args);
        if (options.Measure)
            return await DetectionMeasurement.RunAsync(options);

        await using var target = await BenchStore.CreateAsync(options.Store, keep: options.Keep);
        var seeded = Stopwatch.StartNew();
        var rows = await LargeSellerSeeding.SeedAsync(target, LargeSeller.SellerId);
        Console.WriteLine($"seeded {options.Store}: {rows:N0} rows in {seeded.Elapsed.TotalSeconds:0.0} s");
        GC.Collect();

        // The silo's own garbage collector (server GC, as the Web SDK sets for the silo and API).
        return await RunChildAsync([Command, ChildFlag, "--store", options.Store, "--target", target.Locator, "--runs", options.Runs.ToString(CultureInfo.InvariantCulture)]);
    }

    private static async Task<int> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Under `dotnet Opside.Benchmarks.dll` the process is the host and the assembly its first argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(LargeSellerDetectionRun).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the measuring process");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <param name="Keep">Leaves the seeded store in place after the run (its locator is printed), to examine queries.</param>
    internal sealed record RunOptions(string Store, bool Measure, string? Target, int Runs, bool Keep)
    {
        public static RunOptions Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }

            var store = Value("--store", Environment.GetEnvironmentVariable(BenchStore.PostgresVariable) is { Length: > 0 } ? "postgres" : "sqlite").ToLowerInvariant();
            if (store is not ("postgres" or "sqlite"))
                throw new ArgumentException($"--store must be postgres or sqlite, got {store}");
            var target = Value("--target", "");
            return new RunOptions(store, args.Contains(ChildFlag), target.Length == 0 ? null : target,
                int.Parse(Value("--runs", "3"), CultureInfo.InvariantCulture), args.Contains("--keep"));
        }
    }
}
