using BenchmarkDotNet.Attributes;
using Opside.Detection;

namespace Opside.Benchmarks.Detection;

/// <summary>
/// Rule evaluation from in-memory rows, on one thread, for a large seller (<see cref="LargeSeller"/>: 1,000,000
/// ledger rows and the other sources at the issue's sizes). <see cref="LedgerRules"/> is the ledger with the
/// reimbursements and removal orders that offset it (the ledger-driven rules); <see cref="AllRules"/> adds the
/// returns, refunds and inbound shipments. Target: at least 1,000,000 ledger rows per second. Results in
/// docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class DetectionBenchmark
{
    private SellerData _seller = SellerData.Empty;
    private SellerData _ledgerOnly = SellerData.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _seller = LargeSeller.Generate();
        _ledgerOnly = _seller with { CustomerReturns = [], Refunds = [], Shipments = [], ShipmentItems = [] };
        // Measure a detector that finds something: the generated mix plants losses, damage, disposals and shortfalls.
        var result = ClaimDetector.Detect("bench-seller", _seller, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, LargeSeller.AsOf);
        if (result.Claims.Count == 0)
            throw new InvalidOperationException("The generated seller yields no claim; the benchmark would measure nothing.");
        var ledgerOnly = ClaimDetector.Detect("bench-seller", _ledgerOnly, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, LargeSeller.AsOf);
        Console.WriteLine($"// DetectionBenchmark: all rules {result.Claims.Count} claims ({string.Join(", ", result.Claims.GroupBy(c => c.Type).Select(g => $"{g.Key} {g.Count()}"))}); " +
            $"ledger rules {ledgerOnly.Claims.Count} claims; {result.NeedsReview.Count} shipments to review");
    }

    [Benchmark]
    public int LedgerRules() =>
        ClaimDetector.Detect("bench-seller", _ledgerOnly, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, LargeSeller.AsOf).Claims.Count;

    [Benchmark]
    public int AllRules() =>
        ClaimDetector.Detect("bench-seller", _seller, DetectionPolicy.UnitedStates, SellerDetectionSettings.Default, LargeSeller.AsOf).Claims.Count;
}
