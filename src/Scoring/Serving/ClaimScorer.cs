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
    private readonly string[] _features;
    private readonly int[] _slotFeature;
    private readonly double[] _typical;
    private readonly int[] _byName;

    public ClaimScorer(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        Metadata = package.Metadata;
        _approval = _ml.Model.Load(new MemoryStream(package.ApprovalModel, writable: false), out var schema);
        _fraction = _ml.Model.Load(new MemoryStream(package.FractionModel, writable: false), out _);
        _approvalEngine = _ml.Model.CreatePredictionEngine<FeatureRow, ApprovalOutput>(_approval, schema);
        _fractionEngine = _ml.Model.CreatePredictionEngine<FeatureRow, FractionOutput>(_fraction, schema);
        var slots = SlotFeatures(_approval.GetOutputSchema(schema));
        _features = [.. slots.Distinct(StringComparer.Ordinal)];
        _slotFeature = [.. slots.Select(f => Array.IndexOf(_features, f))];
        _typical = [.. _features.Select(f => Metadata.TypicalContributions.GetValueOrDefault(f))];
        // Ties between equally strong features are broken by name, so a claim always names the same factors.
        _byName = [.. Enumerable.Range(0, _features.Length).OrderBy(i => _features[i], StringComparer.Ordinal)];
    }

    public ModelMetadata Metadata { get; }

    public ClaimScore Score(ClaimFeatures features)
    {
        var row = FeatureRow.From(features);
        var approval = _approvalEngine.Predict(row);
        var fraction = _fractionEngine.Predict(row);
        return Result(features, approval.Probability, new VBuffer<float>(approval.FeatureContributions.Length, approval.FeatureContributions), fraction.Score);
    }

    /// <summary>
    /// Claims this many or more are scored in slices side by side, one per core: ML.NET's transforms are safe to run
    /// from several threads at once (its prediction engines are not), and each row's score does not depend on its slice.
    /// </summary>
    public const int ParallelSlice = 4_096;

    public IReadOnlyList<ClaimScore> ScoreBatch(IReadOnlyList<ClaimFeatures> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count < 2 * ParallelSlice)
            return ScoreSlice(claims, 0, claims.Count);
        var slices = Math.Min(Environment.ProcessorCount, (claims.Count + ParallelSlice - 1) / ParallelSlice);
        var results = new IReadOnlyList<ClaimScore>[slices];
        Parallel.For(0, slices, slice =>
        {
            var from = (int)((long)claims.Count * slice / slices);
            var to = (int)((long)claims.Count * (slice + 1) / slices);
            results[slice] = ScoreSlice(claims, from, to);
        });
        return [.. results.SelectMany(r => r)];
    }

    private List<ClaimScore> ScoreSlice(IReadOnlyList<ClaimFeatures> claims, int from, int to)
    {
        var scores = new List<ClaimScore>(to - from);
        if (to == from)
            return scores;
        // A context of its own per slice: an MLContext's catalogs are not meant to be shared by threads. The columns are
        // read through getters into reused buffers: a row object per claim was most of a batch's allocations.
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(from, to - from).Select(i => FeatureRow.From(claims[i])));
        var approvals = _approval.Transform(data);
        var fractions = _fraction.Transform(data);
        using var approvalCursor = approvals.GetRowCursor([approvals.Schema[nameof(ApprovalOutput.Probability)], approvals.Schema[nameof(ApprovalOutput.FeatureContributions)]]);
        using var fractionCursor = fractions.GetRowCursor([fractions.Schema[nameof(FractionOutput.Score)]]);
        var probability = approvalCursor.GetGetter<float>(approvals.Schema[nameof(ApprovalOutput.Probability)]);
        var contributions = approvalCursor.GetGetter<VBuffer<float>>(approvals.Schema[nameof(ApprovalOutput.FeatureContributions)]);
        var share = fractionCursor.GetGetter<float>(fractions.Schema[nameof(FractionOutput.Score)]);
        float p = 0, f = 0;
        var buffer = default(VBuffer<float>);
        for (var i = from; approvalCursor.MoveNext() && fractionCursor.MoveNext(); i++)
        {
            probability(ref p);
            contributions(ref buffer);
            share(ref f);
            scores.Add(Result(claims[i], p, buffer, f));
        }

        return scores;
    }

    /// <summary>Each claim's contributions to the trees' score by feature, before the typical claim's are taken off.</summary>
    internal IReadOnlyList<Dictionary<string, double>> Contributions(IReadOnlyList<ClaimFeatures> claims)
    {
        var data = _ml.Data.LoadFromEnumerable(claims.Select(c => FeatureRow.From(c)));
        return [.. _ml.Data.CreateEnumerable<ApprovalOutput>(_approval.Transform(data), reuseRowObject: false).Select(a =>
        {
            var byFeature = ByFeature(new VBuffer<float>(a.FeatureContributions.Length, a.FeatureContributions));
            return Enumerable.Range(0, _features.Length).Where(i => byFeature[i] != 0).ToDictionary(i => _features[i], i => byFeature[i], StringComparer.Ordinal);
        })];
    }

    private ClaimScore Result(ClaimFeatures features, float probability, VBuffer<float> contributions, float fraction)
    {
        var moved = ByFeature(contributions);
        for (var i = 0; i < moved.Length; i++)
            moved[i] -= _typical[i];

        // The strongest, by size; among equals the first by name (_byName is in name order).
        var factors = new List<ScoreFactor>(FactorCount);
        var taken = new bool[moved.Length];
        for (var k = 0; k < FactorCount; k++)
        {
            var best = -1;
            foreach (var i in _byName)
            {
                if (!taken[i] && moved[i] != 0 && (best < 0 || Math.Abs(moved[i]) > Math.Abs(moved[best])))
                    best = i;
            }

            if (best < 0)
                break;
            taken[best] = true;
            factors.Add(new ScoreFactor(_features[best], moved[best], FactorWords.For(_features[best], features, raises: moved[best] > 0)));
        }

        return new ClaimScore(Math.Clamp(probability, 0, 1), Math.Clamp(fraction, 0, 1), factors);
    }

    /// <summary>The contributions summed per feature, in <see cref="_features"/> order (a sparse vector's absent slots count zero).</summary>
    private double[] ByFeature(VBuffer<float> contributions)
    {
        var byFeature = new double[_features.Length];
        var values = contributions.GetValues();
        if (contributions.IsDense)
        {
            for (var slot = 0; slot < values.Length && slot < _slotFeature.Length; slot++)
                byFeature[_slotFeature[slot]] += values[slot];
        }
        else
        {
            var indices = contributions.GetIndices();
            for (var k = 0; k < values.Length; k++)
            {
                if (indices[k] < _slotFeature.Length)
                    byFeature[_slotFeature[indices[k]]] += values[k];
            }
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
