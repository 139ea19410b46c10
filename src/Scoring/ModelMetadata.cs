using Opside.Scoring.Training;

namespace Opside.Scoring;

/// <summary>
/// What a trained model is (docs/model-card.md): its version, when it was trained, whether on bootstrap data, the span
/// of decisions it learned from and how they were split (time-ordered: the oldest to train, then to calibrate, the newest
/// to test), its test metrics and its features in order. <see cref="TypicalContributions"/> is each feature's mean
/// contribution to the trees' score over the calibration claims: a claim's factors are its contributions less these, what
/// moved its score away from a typical claim's (tree contributions otherwise credit the ensemble's base score to the
/// feature of the first splits).
/// </summary>
public sealed record ModelMetadata(
    string Version,
    DateTimeOffset TrainedAt,
    bool Bootstrap,
    DateTimeOffset DataFrom,
    DateTimeOffset DataTo,
    int TrainCount,
    int CalibrationCount,
    int Seed,
    ModelMetrics Metrics,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, double> TypicalContributions);
