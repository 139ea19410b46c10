namespace Opside.Grains.Claims;

/// <summary>One change of a claim: when, the status before (null at creation) and after, who (detector, clock, a person) and why.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.history-entry")]
public sealed record ClaimHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ClaimStatus? From,
    [property: Id(2)] ClaimStatus To,
    [property: Id(3)] string By,
    [property: Id(4)] string Note);
