using BenchmarkDotNet.Running;

namespace Opside.Benchmarks;

public static class BenchmarksProgram
{
    /// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter *Ledger*</c>; see docs/benchmarks.md.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
}
