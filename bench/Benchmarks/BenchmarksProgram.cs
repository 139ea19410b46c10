using BenchmarkDotNet.Running;

namespace Opside.Benchmarks;

public static class BenchmarksProgram
{
    /// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter *Ledger*</c>; see docs/benchmarks.md.</summary>
    /// <remarks><c>large-seller-detection</c> is a run of the product's detection end to end, and <c>claims-list</c> and
    /// <c>claim-transitions</c> the claim workflow's, and <c>scoring</c> the refund model's, outside BenchmarkDotNet (see their classes).</remarks>
    public static async Task<int> Main(string[] args)
    {
        if (args is [Detection.EndToEnd.LargeSellerDetectionRun.Command, ..])
            return await Detection.EndToEnd.LargeSellerDetectionRun.RunAsync(args[1..]);
        if (args is [Claims.ClaimsListRun.Command, ..])
            return await Claims.ClaimsListRun.RunAsync(args[1..]);
        if (args is [Claims.ClaimTransitionsRun.Command, ..])
            return await Claims.ClaimTransitionsRun.RunAsync(args[1..]);
        if (args is [Scoring.ScoringRun.Command, ..])
            return await Scoring.ScoringRun.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksProgram).Assembly).Run(args);
        return 0;
    }
}
