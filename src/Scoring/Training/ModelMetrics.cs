namespace Opside.Scoring.Training;

/// <summary>
/// How a model did on the time-ordered test split (docs/model-card.md, "Metrics"): ranking (<see cref="Auc"/>), the
/// probabilities themselves (<see cref="LogLoss"/>, natural log), and <see cref="CalibrationError"/>, the expected
/// calibration error over the deciles of <see cref="Reliability"/> (each decile's gap between the mean predicted
/// probability and the observed approval rate, weighted by its claims). <see cref="FractionMeanAbsoluteError"/> is the
/// paid-share model's mean absolute error on the approved test claims.
/// </summary>
public sealed record ModelMetrics(
    double Auc,
    double LogLoss,
    double CalibrationError,
    int TestCount,
    double FractionMeanAbsoluteError,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<TypeMetrics> PerType);

/// <summary>One decile of the test claims by predicted probability: how many, the mean prediction, the observed rate.</summary>
public sealed record ReliabilityBin(int Decile, int Count, double MeanPredicted, double ObservedRate);

/// <summary>The metrics of one claim type's test claims; <see cref="Auc"/> is null when they were all approved or all denied.</summary>
public sealed record TypeMetrics(string Type, int Count, double ApprovalRate, double? Auc, double LogLoss);
