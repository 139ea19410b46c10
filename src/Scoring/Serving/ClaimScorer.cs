using Microsoft.ML;
using Microsoft.ML.Data;
using Opside.Scoring.Features;
using Opside.Scoring.Training;

namespace Opside.Scoring.Serving;

/// <summary>
/// A loaded model that scores claims. Not thread-safe (ML.NET's prediction engines are not): each holder keeps its own,
/// as each activation of the scoring grain does. A single claim goes through prediction engines; a batch through one
/// pass of the models over all its rows.
/// </summary>
public sealed class ClaimScorer
{
    /// <summary>How many features <see cref="ClaimScore.TopFactors"/> names.</summary>
    public const int FactorCount = 3;

    private readonly MLContext _ml = new();
    private readonly ITransformer _approval;
    private readonly ITransformer _fraction;
    private readonly PredictionEngine<FeatureRow, ApprovalOutput> _approvalEngine;
    private readonly PredictionEngine<FeatureRow, FractionOutput> _fractionEngine;
    private readonly string[] _slotFeatures;

    public ClaimScorer(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        Metadata = package.Metadata;
        _approval = _ml.Model.Load(new MemoryStream(package.ApprovalModel, writable: false), out var schema);
        _fraction = _ml.Model.Load(new MemoryStream(package.FractionModel, writable: false), out _);
        _approvalEngine = _ml.Model.CreatePredictionEngine<FeatureRow, ApprovalOutput>(_approval, schema);
        _fractionEngine = _ml.Model.CreatePredictionEngine<FeatureRow, FractionOutput>(_fraction, schema);
        _slotFeatures = SlotFeatures(_approval.GetOutputSchema(schema));
    }

    public ModelMetadata Metadata { get; }

    public ClaimScore Score(ClaimFeatures features)
    {
        var row = FeatureRow.From(features);
        var approval = _approvalEngine.Predict(row);
        var fraction = _fractionEngine.Predict(row);
        return Result(features, approval, fraction);
    }

    public IReadOnlyList<ClaimScore> ScoreBatch(IReadOnlyList<ClaimFeatures> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
            return [];
        var data = _ml.Data.LoadFromEnumerable(claims.Select(c => FeatureRow.From(c)));
        var approvals = _ml.Data.CreateEnumerable<ApprovalOutput>(_approval.Transform(data), reuseRowObject: false);
        var fractions = _ml.Data.CreateEnumerable<FractionOutput>(_fraction.Transform(data), reuseRowObject: false);
        var scores = new List<ClaimScore>(claims.Count);
        var i = 0;
        foreach (var (approval, fraction) in approvals.Zip(fractions))
            scores.Add(Result(claims[i++], approval, fraction));
        return scores;
    }

    /// <summary>Each claim's contributions to the trees' score by feature, before the typical claim's are taken off.</summary>
    internal IReadOnlyList<Dictionary<string, double>> Contributions(IReadOnlyList<ClaimFeatures> claims)
    {
        var data = _ml.Data.LoadFromEnumerable(claims.Select(c => FeatureRow.From(c)));
        return [.. _ml.Data.CreateEnumerable<ApprovalOutput>(_approval.Transform(data), reuseRowObject: false).Select(ByFeature)];
    }

    private ClaimScore Result(ClaimFeatures features, ApprovalOutput approval, FractionOutput fraction)
    {
        var typical = Metadata.TypicalContributions;
        var moved = ByFeature(approval);
        foreach (var (feature, contribution) in typical)
            moved[feature] = moved.GetValueOrDefault(feature) - contribution;

        // Strongest first; the feature name breaks ties so the same claim always names the same factors.
        var factors = moved
            .Where(f => f.Value != 0)
            .OrderByDescending(f => Math.Abs(f.Value)).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(FactorCount)
            .Select(f => new ScoreFactor(f.Key, f.Value, FactorWords.For(f.Key, features, raises: f.Value > 0)))
            .ToArray();
        return new ClaimScore(Math.Clamp(approval.Probability, 0, 1), Math.Clamp(fraction.Score, 0, 1), factors);
    }

    private Dictionary<string, double> ByFeature(ApprovalOutput approval)
    {
        var byFeature = new Dictionary<string, double>(StringComparer.Ordinal);
        var contributions = approval.FeatureContributions;
        for (var slot = 0; slot < contributions.Length && slot < _slotFeatures.Length; slot++)
        {
            if (contributions[slot] != 0)
                byFeature[_slotFeatures[slot]] = byFeature.GetValueOrDefault(_slotFeatures[slot]) + contributions[slot];
        }

        return byFeature;
    }

    /// <summary>
    /// The feature each slot of the model's feature vector comes from: a one-hot slot is named <c>Type.WarehouseLost</c>,
    /// a number by its column, so the part before the first dot is the <see cref="FeatureRow"/> column.
    /// </summary>
    private static string[] SlotFeatures(DataViewSchema schema)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        schema[ModelTrainer.FeaturesColumn].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString().Split('.', 2)[0])];
    }

    private sealed class ApprovalOutput
    {
        public float Probability { get; set; }

        public float[] FeatureContributions { get; set; } = [];
    }

    private sealed class FractionOutput
    {
        public float Score { get; set; }
    }
}
