namespace Opside.Grains.Claims;

/// <summary>
/// A claim as its grain holds it: the detected facts, the current status, every change, and a version that grows by
/// one per change (the read model applies a snapshot only if its version is newer).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.snapshot")]
public sealed record ClaimSnapshot(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] ClaimFacts Facts,
    [property: Id(2)] ClaimStatus Status,
    [property: Id(3)] IReadOnlyList<ClaimHistoryEntry> History,
    [property: Id(4)] long Version);
