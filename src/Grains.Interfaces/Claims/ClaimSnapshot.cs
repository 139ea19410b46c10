using Opside.Grains.Scoring;

namespace Opside.Grains.Claims;

/// <summary>
/// A claim as its grain holds it: the detected facts, the current status, every change, and a version that grows by
/// one per change (the read model applies a snapshot only if its version is newer). <see cref="Filing"/> is set once
/// a case is filed, <see cref="Recovered"/> once Amazon's report shows it paid, computed from
/// <see cref="Payments"/>, every reimbursement row reconciliation counted for it. <see cref="Score"/> is the refund
/// model's latest score of it (null until a model is served); a new score is a new version without a history entry.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.snapshot")]
public sealed record ClaimSnapshot(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] ClaimFacts Facts,
    [property: Id(2)] ClaimStatus Status,
    [property: Id(3)] IReadOnlyList<ClaimHistoryEntry> History,
    [property: Id(4)] long Version,
    [property: Id(5)] ClaimFiling? Filing = null,
    [property: Id(6)] ClaimRecovery? Recovered = null,
    [property: Id(7)] IReadOnlyList<CasePayment>? Payments = null,
    [property: Id(8)] ClaimScoreView? Score = null);
