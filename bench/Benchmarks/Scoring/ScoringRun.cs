using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Opside.Benchmarks.Claims;
using Opside.Benchmarks.Detection.EndToEnd;
using Opside.Grains.Claims;
using Opside.Grains.Scoring;
using Opside.Scoring.Bootstrap;
using Opside.Scoring.Serving;
using Opside.Scoring.Training;

namespace Opside.Benchmarks.Scoring;

/// <summary>
/// The refund model's three figures (docs/benchmarks.md, "Refund scoring"), outside BenchmarkDotNet because each is
/// one long operation or a latency distribution: training on <c>--rows</c> bootstrap decisions (default 100,000,
/// <c>--repeat</c> times); batch scoring of 50,000 claims through <see cref="ClaimScorer.ScoreBatch"/>; and single
/// claims scored through <see cref="IClaimScoringGrain"/> on a production silo (<c>AddOpsideSilo</c>), one call at a
/// time, each call's wall time kept. Run: <c>dotnet run -c Release --project bench/Benchmarks -- scoring
/// [--rows 100000] [--repeat 3] [--calls 20000]</c>.
/// </summary>
internal static class ScoringRun
{
    public const string Command = "scoring";

    private static readonly DateTimeOffset From = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ClaimBenchOptions.Parse(args);
        var rows = options.Int("--rows", 100_000);
        var repeat = options.Int("--repeat", 3);
        var calls = options.Int("--calls", 20_000);
        Console.WriteLine($"scoring: {rows:N0} training rows × {repeat}, {calls:N0} grain calls; load average {ClaimsListRun.LoadAverage()}");

        var generate = Stopwatch.StartNew();
        var examples = BootstrapOutcomes.Generate(rows, 20261207, From, From.AddYears(2));
        Console.WriteLine($"bootstrap data: {rows:N0} decisions generated in {generate.Elapsed.TotalSeconds:0.00} s");
        Opside.Scoring.ModelPackage? package = null;
        for (var i = 0; i < repeat; i++)
        {
            var train = Stopwatch.StartNew();
            package = ModelTrainer.Train(examples, new TrainingRun($"bench-{i}", DateTimeOffset.UtcNow, Bootstrap: true, 20261207));
            var m = package.Metadata.Metrics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training {i + 1}: {train.Elapsed.TotalSeconds:0.00} s (AUC {m.Auc:0.0000}, calibration error {m.CalibrationError:0.0000}); load average {ClaimsListRun.LoadAverage()}"));
        }

        var scorer = new ClaimScorer(package!);
        var batch = examples.Take(50_000).Select(e => e.Features).ToArray();
        scorer.ScoreBatch(batch[..2_000]);
        for (var i = 0; i < 5; i++)
        {
            var timer = Stopwatch.StartNew();
            var scores = scorer.ScoreBatch(batch);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch {i + 1}: {scores.Count:N0} claims in {timer.Elapsed.TotalMilliseconds:0} ms = {scores.Count / timer.Elapsed.TotalSeconds:N0} claims/s"));
        }

        await ScoreInGrainAsync(calls);
        return 0;
    }

    /// <summary>Single calls through the scoring grain on a silo whose model store serves a freshly trained model.</summary>
    private static async Task ScoreInGrainAsync(int calls)
    {
        await using var target = await BenchStore.CreateAsync("sqlite", keep: false);
        using var host = await BenchSilo.StartAsync(target.Provider, target.Locator);
        var training = host.Services.GetRequiredService<RefundModelTraining>();
        var trained = await training.TrainAsync(new ModelTrainingCommand("bench", Bootstrap: true, BootstrapRows: 20_000), CancellationToken.None);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var scoring = grains.GetGrain<IClaimScoringGrain>(0);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var claim = Claim.From(new ClaimSnapshot("bench-claim", ClaimTransitionFacts.Claimable("bench-seller", 1, today), ClaimStatus.Claimable, [], 1));
        var context = new ScoringContext("US", new Dictionary<string, TypeHistory> { ["WarehouseLost"] = new(12, 20) });

        for (var i = 0; i < 2_000; i++)
            await scoring.ScoreAsync(claim, today, context);
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var score = await scoring.ScoreAsync(claim, today, context);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1_000;
            if (score?.ModelVersion != trained.Model.Version)
                throw new InvalidOperationException("The grain did not score with the model just promoted.");
        }

        var latency = LatencySummary.Of(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grain single score (µs): n {latency.Count:N0}  p50 {latency.P50:0.0}  p95 {latency.P95:0.0}  p99 {latency.P99:0.0}  max {latency.Max:0.0}  mean {latency.Mean:0.0}; load average {ClaimsListRun.LoadAverage()}"));
        await host.StopAsync();
    }
}
