using Opside.Scoring.Bootstrap;
using Opside.Scoring.Training;

namespace Opside.Scoring.Tests;

/// <summary>One model trained on the fixed bootstrap seed, shared by the tests that read it (training takes seconds).</summary>
public sealed class BootstrapModelFixture
{
    public const int Seed = 20261207;

    public static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Until = From.AddYears(2);

    public BootstrapModelFixture()
    {
        Examples = BootstrapOutcomes.Generate(20_000, Seed, From, Until);
        Package = ModelTrainer.Train(Examples, new TrainingRun("bootstrap-test-1", From.AddYears(2), Bootstrap: true, Seed));
    }

    public IReadOnlyList<TrainingExample> Examples { get; }

    public ModelPackage Package { get; }
}
