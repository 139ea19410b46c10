namespace Opside.Grains.Claims;

/// <summary>
/// A claim as its grain holds it: the detected facts, the current status, every change, and a version that grows by
/// one per change (the read model applies a snapshot only if its version is newer). <see cref="Filing"/> is set once
/// a case is filed, <see cref="Recovered"/> once Amazon's report shows it paid, computed from
/// <see cref="Payments"/>, every reimbursement row reconciliation counted for it.
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
    [property: Id(7)] IReadOnlyList<CasePayment>? Payments = null);
