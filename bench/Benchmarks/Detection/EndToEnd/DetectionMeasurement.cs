using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;

namespace Opside.Benchmarks.Detection.EndToEnd;

/// <summary>
/// The measuring side of <see cref="LargeSellerDetectionRun"/>: a silo on the seeded store, detection for the large
/// seller run <c>--runs</c> times through its <see cref="ISellerClaimsGrain"/>, wall time per run and the process's
/// peak resident memory (VmHWM) printed. The first run creates every claim grain; later runs find the same data
/// and must change nothing.
/// </summary>
internal static class DetectionMeasurement
{
    public static async Task<int> RunAsync(LargeSellerDetectionRun.RunOptions options)
    {
        var target = options.Target ?? throw new ArgumentException("--target is required with --measure");
        using var host = await BenchSilo.StartAsync(options.Store, target, new Dictionary<string, string?>
        {
            // The detection log line carries the load / evaluate / upsert split.
            [$"Logging:LogLevel:{typeof(SellerClaimsGrain).FullName}"] = "Information",
        });
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine($"silo started ({options.Store}, server GC {System.Runtime.GCSettings.IsServerGC}); resident {Resident("VmRSS")} MiB");

        // Always: it also warms the read path's code, so run 1 measures new claims on a running silo, not the JIT.
        await TimeReadsAsync(host.Services.GetRequiredService<Opside.DataPlane.Storage.IDataPlaneStore>());

        for (var run = 1; run <= options.Runs; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var summary = await grains.GetGrain<ISellerClaimsGrain>(LargeSeller.SellerId).DetectAsync();
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {clock.Elapsed.TotalSeconds:0.00} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s), {summary.Claims} claims ({summary.Resolved} resolved), " +
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024):N0} MiB, peak resident {Resident("VmHWM")} MiB"));
        }

        await host.StopAsync();
        return 0;
    }

    /// <summary>Each source's read on its own, one after the other: where the load phase spends its time.</summary>
    private static async Task TimeReadsAsync(Opside.DataPlane.Storage.IDataPlaneStore store)
    {
        async Task Time<T>(string source, Func<Task<IReadOnlyList<T>>> read)
        {
            var clock = Stopwatch.StartNew();
            var rows = await read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {source}: {rows.Count:N0} rows in {clock.ElapsedMilliseconds:N0} ms"));
        }

        var (seller, ct) = (LargeSeller.SellerId, CancellationToken.None);
        await Time("ledger", () => store.ReadLedgerAsync(seller, ct));
        await Time("reimbursements", () => store.ReadReimbursementsAsync(seller, ct));
        await Time("returns", () => store.ReadCustomerReturnsAsync(seller, ct));
        await Time("removals", () => store.ReadRemovalOrdersAsync(seller, ct));
        await Time("inbound items", () => store.ReadInboundShipmentItemsAsync(seller, ct));
        await Time("refunds", () => store.ReadRefundsAsync(seller, ct));
        GC.Collect();
    }

    /// <summary>A line of /proc/self/status in MiB (Linux), e.g. VmHWM, the peak resident set of the process.</summary>
    private static string Resident(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        if (line is null)
            return "n/a";
        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (kib / 1024).ToString("N0", CultureInfo.InvariantCulture);
    }
}
