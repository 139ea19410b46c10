namespace Opside.Scoring.Training;

/// <summary>What names a training run: the version it produces, when, whether on bootstrap data, and the seed.</summary>
public sealed record TrainingRun(string Version, DateTimeOffset TrainedAt, bool Bootstrap, int Seed);
