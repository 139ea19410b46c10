namespace Opside.Grains.Claims;

/// <summary>The Seller Central case a claim was filed as: its id, when it was filed and who recorded it.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.filing")]
public sealed record ClaimFiling(
    [property: Id(0)] string CaseId,
    [property: Id(1)] DateTimeOffset FiledAt,
    [property: Id(2)] string FiledBy);
