namespace Opside.Scoring.Serving;

/// <summary>
/// One claim's score: the calibrated probability that Amazon approves it (fully or in part), the share of the requested
/// value expected to be paid if it does, and the features that moved the score most, strongest first.
/// </summary>
public sealed record ClaimScore(double ApprovalProbability, double ExpectedFraction, IReadOnlyList<ScoreFactor> TopFactors)
{
    /// <summary>Probability × value × expected share, in the value's currency, to the cent; null when the value is unknown.</summary>
    public decimal? ExpectedRecovery(decimal? estimatedValue) =>
        estimatedValue is { } value ? Math.Round(value * (decimal)ApprovalProbability * (decimal)ExpectedFraction, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>A feature's pull on the score (log-odds, positive raises it) and the same in words.</summary>
public sealed record ScoreFactor(string Feature, double Contribution, string Words);
