namespace Opside.Grains.Claims;

/// <summary>
/// One change of a claim: when, the status before (null at creation) and after, who (<c>detector</c>, <c>clock</c>,
/// <c>settings</c>, <c>reconciler</c>, or a person's user id) and why, and the correlation id of the request or run that
/// caused it (null for changes recorded before ids were kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.history-entry")]
public sealed record ClaimHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ClaimStatus? From,
    [property: Id(2)] ClaimStatus To,
    [property: Id(3)] string By,
    [property: Id(4)] string Note,
    [property: Id(5)] string? CorrelationId = null);
