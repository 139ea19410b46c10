using BenchmarkDotNet.Attributes;
using Opside.Scoring.Bootstrap;
using Opside.Scoring.Features;
using Opside.Scoring.Serving;
using Opside.Scoring.Training;

namespace Opside.Benchmarks.Scoring;

/// <summary>
/// <see cref="ClaimScorer"/> alone, on a model trained on 20,000 bootstrap decisions: one claim through the prediction
/// engines (with its three factors), and a batch of 10,000 claims in one pass (claims/s = 10,000 ÷ the mean).
/// <c>dotnet run -c Release --project bench/Benchmarks -- --filter *ClaimScorer*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class ClaimScorerBenchmarks
{
    private ClaimScorer _scorer = null!;
    private ClaimFeatures[] _claims = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var examples = BootstrapOutcomes.Generate(20_000, 20261207, from, from.AddYears(2));
        _scorer = new ClaimScorer(ModelTrainer.Train(examples, new TrainingRun("bench", from, Bootstrap: true, 20261207)));
        _claims = [.. examples.Take(10_000).Select(e => e.Features)];
    }

    [Benchmark]
    public ClaimScore ScoreOne() => _scorer.Score(_claims[_next++ % _claims.Length]);

    [Benchmark(OperationsPerInvoke = 10_000)]
    public int ScoreBatchOf10000() => _scorer.ScoreBatch(_claims).Count;
}
