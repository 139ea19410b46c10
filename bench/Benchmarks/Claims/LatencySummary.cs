using System.Globalization;

namespace Opside.Benchmarks.Claims;

/// <summary>Percentiles of timed calls in milliseconds (nearest rank on the sorted samples), and how many there were.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average());
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n {Count,5}  p50 {P50,8:0.00}  p95 {P95,8:0.00}  p99 {P99,8:0.00}  max {Max,8:0.00}  mean {Mean,8:0.00} ms");
}
