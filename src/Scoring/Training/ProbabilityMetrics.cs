namespace Opside.Scoring.Training;

/// <summary>The metrics of predicted probabilities against outcomes, computed here so that every slice (a claim type, a decile) is measured alike.</summary>
internal static class ProbabilityMetrics
{
    /// <summary>Probabilities are clipped this far from 0 and 1, so one confident miss cannot make the log loss infinite.</summary>
    private const double Epsilon = 1e-7;

    /// <summary>The area under the ROC curve by ranks (ties share their mean rank); null without both outcomes.</summary>
    public static double? Auc(IReadOnlyList<(double Probability, bool Approved)> predictions)
    {
        var positives = predictions.Count(p => p.Approved);
        var negatives = predictions.Count - positives;
        if (positives == 0 || negatives == 0)
            return null;
        var ordered = predictions.OrderBy(p => p.Probability).ToArray();
        double rankSum = 0;
        for (var i = 0; i < ordered.Length;)
        {
            var j = i;
            while (j + 1 < ordered.Length && ordered[j + 1].Probability == ordered[i].Probability)
                j++;
            var meanRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (ordered[k].Approved)
                    rankSum += meanRank;
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    public static double LogLoss(IReadOnlyList<(double Probability, bool Approved)> predictions)
    {
        if (predictions.Count == 0)
            return 0;
        return predictions.Average(p =>
        {
            var q = Math.Clamp(p.Probability, Epsilon, 1 - Epsilon);
            return p.Approved ? -Math.Log(q) : -Math.Log(1 - q);
        });
    }

    /// <summary>Ten bins of equal count by predicted probability (the last ones one larger when the count is not a multiple of ten).</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<(double Probability, bool Approved)> predictions)
    {
        var ordered = predictions.OrderBy(p => p.Probability).ToArray();
        var bins = new List<ReliabilityBin>(10);
        for (var decile = 0; decile < 10; decile++)
        {
            var from = ordered.Length * decile / 10;
            var to = ordered.Length * (decile + 1) / 10;
            var bin = ordered[from..to];
            if (bin.Length == 0)
                continue;
            bins.Add(new ReliabilityBin(decile + 1, bin.Length, bin.Average(p => p.Probability), bin.Count(p => p.Approved) / (double)bin.Length));
        }

        return bins;
    }

    public static double CalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        var total = bins.Sum(b => b.Count);
        return total == 0 ? 0 : bins.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / total;
    }
}
