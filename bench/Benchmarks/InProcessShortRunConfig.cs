using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Opside.Benchmarks;

/// <summary>
/// A short run (3 warm-ups, 3 iterations) inside the benchmark process. BenchmarkDotNet's default toolchain
/// rebuilds the project it finds by assembly name and cannot find <c>Opside.Benchmarks</c> in <c>Benchmarks.csproj</c>.
/// </summary>
internal sealed class InProcessShortRunConfig : ManualConfig
{
    public InProcessShortRunConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
