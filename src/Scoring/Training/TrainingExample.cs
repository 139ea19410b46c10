using Opside.Scoring.Features;

namespace Opside.Scoring.Training;

/// <summary>
/// One decided claim: its features as they were when it was filed, when Amazon decided it, whether it was approved
/// (fully or in part), and the share of the requested value that was paid (0 when denied, 1 when paid in full).
/// </summary>
public sealed record TrainingExample(ClaimFeatures Features, DateTimeOffset DecidedAt, bool Approved, double ApprovedFraction);
