namespace Opside.Grains.Scoring;

/// <summary>A model's headline metrics on a test split (docs/model-card.md, "Metrics").</summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.model-metrics")]
public sealed record ModelMetricsView(
    [property: Id(0)] double Auc,
    [property: Id(1)] double LogLoss,
    [property: Id(2)] double CalibrationError);

/// <summary>One stored model version as ops see it (docs/api.md, "Scores"): <c>GET /api/ops/models</c>.</summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.model-version")]
public sealed record ModelVersionView(
    [property: Id(0)] string Version,
    [property: Id(1)] DateTimeOffset TrainedAt,
    [property: Id(2)] bool Current,
    [property: Id(3)] bool Bootstrap,
    [property: Id(4)] ModelMetricsView Metrics);

/// <summary>
/// What a training run asks for: who asks, whether to train on bootstrap data even with enough real decisions, and the
/// bootstrap data's size and seed (defaults in <c>RefundModelTraining</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.training-command")]
public sealed record ModelTrainingCommand(
    [property: Id(0)] string RequestedBy,
    [property: Id(1)] bool Bootstrap = false,
    [property: Id(2)] int? BootstrapRows = null,
    [property: Id(3)] int? Seed = null);

/// <summary>
/// What a training run made: the new version and its test metrics, how many real decisions it saw, whether it was
/// promoted and why, and the model served before measured on the same test split (null when there was none).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.training-result")]
public sealed record ModelTrainingResult(
    [property: Id(0)] ModelVersionView Model,
    [property: Id(1)] int RealDecisions,
    [property: Id(2)] bool Promoted,
    [property: Id(3)] string Reason,
    [property: Id(4)] ModelMetricsView? CurrentOnSameTest);
