using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Opside.Scoring.Features;
using Opside.Scoring.Serving;

namespace Opside.Scoring.Training;

/// <summary>
/// Trains a refund model from decided claims (docs/model-card.md, "Training"). The decisions are put in time order and
/// split without shuffling: the oldest 70 % train the trees, the next 15 % fit the calibrator (Platt's sigmoid on the
/// trees' score), the newest 15 % are the test split every metric is measured on, so no metric sees a claim decided
/// before one it learned from. A second, regression model learns the paid share from the approved training claims.
/// One thread and a fixed seed: the same data and seed give the same model.
/// </summary>
public static class ModelTrainer
{
    public const string FeaturesColumn = "Features";

    /// <summary>Fewer decisions than this give a test split too small to measure.</summary>
    public const int MinimumExamples = 200;

    private static readonly string[] Categories = [nameof(FeatureRow.Type), nameof(FeatureRow.ReasonCode), nameof(FeatureRow.Marketplace)];

    private static readonly string[] Numbers =
    [
        nameof(FeatureRow.Units), nameof(FeatureRow.LogValue), nameof(FeatureRow.ValueKnown), nameof(FeatureRow.ValueDocumented),
        nameof(FeatureRow.DaysAnchorToFiling), nameof(FeatureRow.DaysLeftAtFiling), nameof(FeatureRow.SellerTypeApprovalRate),
        nameof(FeatureRow.SellerTypeDecided), nameof(FeatureRow.FnskuPastReimbursements), nameof(FeatureRow.EvidenceCompleteness),
    ];

    /// <summary>The features in the model's order.</summary>
    public static IReadOnlyList<string> Features { get; } = [.. Categories, .. Numbers];

    public static ModelPackage Train(IReadOnlyList<TrainingExample> examples, TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(run);
        if (examples.Count < MinimumExamples)
            throw new ArgumentException($"Training needs at least {MinimumExamples} decided claims; {examples.Count} given.", nameof(examples));
        var ordered = examples.Select((e, i) => (e, i)).OrderBy(p => p.e.DecidedAt).ThenBy(p => p.i).Select(p => p.e).ToArray();
        var (train, calibration, test) = Split(ordered);
        if (train.All(e => e.Approved) || train.All(e => !e.Approved))
            throw new ArgumentException("The training split holds only approvals or only denials.", nameof(examples));

        var ml = new MLContext(run.Seed);
        var trainData = ml.Data.LoadFromEnumerable(train.Select(Row));
        var featurizer = ml.Transforms.Categorical.OneHotEncoding([.. Categories.Select(c => new InputOutputColumnPair(c))])
            .Append(ml.Transforms.Concatenate(FeaturesColumn, [.. Features]))
            .Fit(trainData);
        var featurized = featurizer.Transform(trainData);

        var trees = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 6,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.2,
            NumberOfThreads = 1,
            Seed = run.Seed,
            FeatureColumnName = FeaturesColumn,
        }).Fit(featurized);
        var contributions = ml.Transforms.CalculateFeatureContribution(trees, numberOfPositiveContributions: 64, numberOfNegativeContributions: 64, normalize: false)
            .Fit(featurized);
        var calibrationScored = trees.Transform(featurizer.Transform(ml.Data.LoadFromEnumerable(calibration.Select(Row))));
        var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(calibrationScored);
        var approval = featurizer.Append(trees).Append(contributions).Append(calibrator);

        var approvedTrain = ml.Data.LoadFromEnumerable(train.Where(e => e.Approved).Select(Row));
        var share = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 60,
            NumberOfLeaves = 6,
            MinimumExampleCountPerLeaf = 50,
            NumberOfThreads = 1,
            Seed = run.Seed,
            FeatureColumnName = FeaturesColumn,
            LabelColumnName = nameof(FeatureRow.Fraction),
        }).Fit(featurizer.Transform(approvedTrain));
        var fraction = featurizer.Append(share);

        var models = new ModelPackage(
            new ModelMetadata(run.Version, run.TrainedAt, run.Bootstrap, ordered[0].DecidedAt, ordered[^1].DecidedAt, train.Length, calibration.Length, run.Seed,
                new ModelMetrics(0, 0, 0, 0, 0, [], []), Features, new Dictionary<string, double>()),
            Save(ml, approval, trainData.Schema), Save(ml, fraction, trainData.Schema));
        var typical = Typical(new ClaimScorer(models).Contributions([.. calibration.Select(e => e.Features)]));
        var scored = models with { Metadata = models.Metadata with { TypicalContributions = typical } };
        var metrics = ModelEvaluator.Evaluate(new ClaimScorer(scored), test);
        return scored with { Metadata = scored.Metadata with { Metrics = metrics } };
    }

    /// <summary>The newest 15 % of <paramref name="examples"/>: the test split <see cref="Train"/> measures on.</summary>
    public static IReadOnlyList<TrainingExample> TestSplit(IReadOnlyList<TrainingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Split([.. examples.Select((e, i) => (e, i)).OrderBy(p => p.e.DecidedAt).ThenBy(p => p.i).Select(p => p.e)]).Test;
    }

    private static (TrainingExample[] Train, TrainingExample[] Calibration, TrainingExample[] Test) Split(TrainingExample[] ordered)
    {
        var trainEnd = ordered.Length * 70 / 100;
        var calibrationEnd = ordered.Length * 85 / 100;
        return (ordered[..trainEnd], ordered[trainEnd..calibrationEnd], ordered[calibrationEnd..]);
    }

    /// <summary>Each feature's mean contribution, in the features' order (a claim without one counts zero).</summary>
    private static SortedDictionary<string, double> Typical(IReadOnlyList<Dictionary<string, double>> contributions)
    {
        var typical = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var feature in Features)
            typical[feature] = contributions.Count == 0 ? 0 : contributions.Average(c => c.GetValueOrDefault(feature));
        return typical;
    }

    private static FeatureRow Row(TrainingExample example) => FeatureRow.From(example.Features, example.Approved, example.ApprovedFraction);

    private static byte[] Save(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model, schema, buffer);
        return buffer.ToArray();
    }
}
