using Opside.Scoring.Serving;

namespace Opside.Scoring.Training;

/// <summary>
/// A model's metrics on decided claims, through the same scorer that serves it, so what is measured is what is served.
/// Promotion measures the current model and a candidate on the same test split with this.
/// </summary>
public static class ModelEvaluator
{
    public static ModelMetrics Evaluate(ClaimScorer scorer, IReadOnlyList<TrainingExample> test)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(test);
        var scores = scorer.ScoreBatch([.. test.Select(e => e.Features)]);
        var predictions = test.Zip(scores, (e, s) => (Probability: s.ApprovalProbability, e.Approved)).ToArray();
        var reliability = ProbabilityMetrics.Reliability(predictions);
        var approved = test.Zip(scores).Where(p => p.First.Approved).ToArray();
        var fractionError = approved.Length == 0 ? 0 : approved.Average(p => Math.Abs(p.First.ApprovedFraction - p.Second.ExpectedFraction));
        var perType = test.Zip(predictions)
            .GroupBy(p => p.First.Features.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var slice = g.Select(p => p.Second).ToArray();
                return new TypeMetrics(g.Key, slice.Length, slice.Count(p => p.Approved) / (double)slice.Length,
                    ProbabilityMetrics.Auc(slice), ProbabilityMetrics.LogLoss(slice));
            })
            .ToArray();
        return new ModelMetrics(
            ProbabilityMetrics.Auc(predictions) ?? 0.5,
            ProbabilityMetrics.LogLoss(predictions),
            ProbabilityMetrics.CalibrationError(reliability),
            test.Count,
            fractionError,
            reliability,
            perType);
    }
}
