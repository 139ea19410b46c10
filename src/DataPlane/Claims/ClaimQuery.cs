namespace Opside.DataPlane.Claims;

/// <summary>
/// Which claims of the read model to list and in what order (docs/claim-workflow.md, "Lists"). A null
/// <see cref="SellerId"/> lists every seller's (the ops queue). <see cref="DueSoonOn"/> keeps the Claimable claims whose
/// window closes from that day to <see cref="DueSoonUntil"/>; <see cref="Search"/> matches part of any identifier, in
/// any case. Every order ends with the seller and claim id, so pages never overlap or skip.
/// </summary>
public sealed record ClaimQuery(
    string? SellerId,
    int Page,
    int PageSize,
    string? Status = null,
    string? Type = null,
    DateOnly? DueSoonOn = null,
    DateOnly? DueSoonUntil = null,
    DateOnly? AnchorFrom = null,
    DateOnly? AnchorTo = null,
    string? Search = null,
    ClaimSort Sort = ClaimSort.WindowCloses,
    bool Descending = false);

/// <summary>
/// The orders a claims list offers. <see cref="Queue"/> is the ops queue's: soonest close, then the most expected
/// recovery (the estimated value until claims are scored; unknown values last), then id.
/// </summary>
public enum ClaimSort
{
    WindowCloses,
    Value,
    AnchorDate,
    Queue,
}

/// <summary>
/// The claims of one status, type and currency (the estimated value's, else the recovery's; null when neither is
/// known): how many, their estimated value (unknown values count as none), what was recovered on them, and how many
/// are due soon.
/// </summary>
public sealed record ClaimTally(string Status, string Type, string? Currency, long Count, decimal Value, decimal Recovered, long DueSoon);
