using Opside.Scoring.Bootstrap;
using Opside.Scoring.Serving;
using Opside.Scoring.Training;

namespace Opside.Scoring.Tests;

public sealed class ModelTrainingTests(BootstrapModelFixture model) : IClassFixture<BootstrapModelFixture>
{
    [Fact]
    public void The_bootstrap_model_ranks_and_calibrates_on_the_time_ordered_test_split()
    {
        var metrics = model.Package.Metadata.Metrics;
        // The documented model's own log-odds, noise aside: the best ranking any model of these features can reach.
        var oracle = ProbabilityMetrics.Auc([.. ModelTrainer.TestSplit(model.Examples).Select(e => (BootstrapOutcomes.Sigmoid(BootstrapOutcomes.LogOdds(e.Features)), e.Approved))])!.Value;

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"AUC {metrics.Auc:F4} (documented model {oracle:F4}), log loss {metrics.LogLoss:F4}, calibration error {metrics.CalibrationError:F4}, paid share MAE {metrics.FractionMeanAbsoluteError:F4}");
        Assert.True(metrics.Auc >= 0.75, $"AUC {metrics.Auc:F3}, the documented model's {oracle:F3}");
        Assert.True(metrics.Auc >= oracle - 0.02, $"AUC {metrics.Auc:F3}, the documented model's {oracle:F3}");
        Assert.True(metrics.CalibrationError < 0.05, $"calibration error {metrics.CalibrationError:F4}");
        Assert.Equal(3_000, metrics.TestCount);
        Assert.Equal(10, metrics.Reliability.Count);
        Assert.Equal(3_000, metrics.Reliability.Sum(b => b.Count));
        Assert.True(metrics.Reliability.Zip(metrics.Reliability.Skip(1)).All(p => p.First.MeanPredicted <= p.Second.MeanPredicted));
        Assert.Equal(BootstrapOutcomes.Types.Select(t => t.Type).Order(StringComparer.Ordinal), metrics.PerType.Select(t => t.Type));
        Assert.Equal(3_000, metrics.PerType.Sum(t => t.Count));
        Assert.InRange(metrics.FractionMeanAbsoluteError, 0, 0.25);
    }

    [Fact]
    public void The_metadata_names_the_split_the_data_range_and_the_features()
    {
        var metadata = model.Package.Metadata;
        var ordered = model.Examples.OrderBy(e => e.DecidedAt).ToArray();

        Assert.Equal("bootstrap-test-1", metadata.Version);
        Assert.True(metadata.Bootstrap);
        Assert.Equal(14_000, metadata.TrainCount);
        Assert.Equal(3_000, metadata.CalibrationCount);
        Assert.Equal(ordered[0].DecidedAt, metadata.DataFrom);
        Assert.Equal(ordered[^1].DecidedAt, metadata.DataTo);
        Assert.Equal(ModelTrainer.Features, metadata.Features);
        // The test split is the newest 15 %: nothing in it was decided before a training claim.
        Assert.True(ModelTrainer.TestSplit(model.Examples).Min(e => e.DecidedAt) >= ordered[metadata.TrainCount + metadata.CalibrationCount - 1].DecidedAt);
    }

    [Fact]
    public void The_same_data_and_seed_train_the_same_model()
    {
        var again = ModelTrainer.Train(model.Examples, new TrainingRun("bootstrap-test-2", BootstrapModelFixture.From, Bootstrap: true, BootstrapModelFixture.Seed));
        var claims = model.Examples.Take(200).Select(e => e.Features).ToArray();

        Assert.Equal(model.Package.Metadata.Metrics.Auc, again.Metadata.Metrics.Auc);
        Assert.Equal(model.Package.Metadata.Metrics.LogLoss, again.Metadata.Metrics.LogLoss);
        Assert.Equal(
            new ClaimScorer(model.Package).ScoreBatch(claims).Select(s => s.ApprovalProbability),
            new ClaimScorer(again).ScoreBatch(claims).Select(s => s.ApprovalProbability));
    }

    [Fact]
    public void Too_few_decisions_or_one_outcome_only_are_refused()
    {
        var few = BootstrapOutcomes.Generate(ModelTrainer.MinimumExamples - 1, 1, BootstrapModelFixture.From, BootstrapModelFixture.Until);
        var allApproved = BootstrapOutcomes.Generate(1_000, 1, BootstrapModelFixture.From, BootstrapModelFixture.Until).Select(e => e with { Approved = true, ApprovedFraction = 1 }).ToArray();
        var run = new TrainingRun("v", BootstrapModelFixture.From, true, 1);

        Assert.Contains("at least 200", Assert.Throws<ArgumentException>(() => ModelTrainer.Train(few, run)).Message, StringComparison.Ordinal);
        Assert.Contains("only approvals or only denials", Assert.Throws<ArgumentException>(() => ModelTrainer.Train(allApproved, run)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bootstrap_data_follows_its_documented_model()
    {
        var examples = BootstrapOutcomes.Generate(20_000, 7, BootstrapModelFixture.From, BootstrapModelFixture.Until);
        double Rate(Func<TrainingExample, bool> which) => examples.Where(which).Average(e => e.Approved ? 1.0 : 0.0);

        Assert.Equal(examples, BootstrapOutcomes.Generate(20_000, 7, BootstrapModelFixture.From, BootstrapModelFixture.Until));
        Assert.True(examples.Zip(examples.Skip(1)).All(p => p.First.DecidedAt < p.Second.DecidedAt));
        // The model card's directions: a documented cost raises approval, reimbursements already paid on the FNSKU lower it.
        Assert.True(Rate(e => e.Features.ValueDocumented) > Rate(e => !e.Features.ValueDocumented) + 0.1);
        Assert.True(Rate(e => e.Features.FnskuPastReimbursements == 0) > Rate(e => e.Features.FnskuPastReimbursements >= 3) + 0.1);
        Assert.All(examples.Where(e => !e.Approved), e => Assert.Equal(0, e.ApprovedFraction));
        Assert.All(examples.Where(e => e.Approved), e => Assert.InRange(e.ApprovedFraction, 0.3, 1));
    }
}
