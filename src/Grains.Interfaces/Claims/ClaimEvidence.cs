namespace Opside.Grains.Claims;

/// <summary>One source row behind a claim: the report (or API operation) and its fields in column order.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.evidence-row")]
public sealed record ClaimEvidenceRow(
    [property: Id(0)] string Source,
    [property: Id(1)] IReadOnlyList<ClaimField> Fields);

/// <summary>A column and its value as the source printed it.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.field")]
public sealed record ClaimField(
    [property: Id(0)] string Name,
    [property: Id(1)] string Value);

/// <summary>
/// What reduced a claim's units: <see cref="Kind"/> (found units, reimbursement, disposal order, returned units),
/// the day it counted, the units it took, its reference and reason, and the reversals netted into it.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.offset")]
public sealed record ClaimOffset(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int Units,
    [property: Id(3)] string Reference,
    [property: Id(4)] string? Reason,
    [property: Id(5)] IReadOnlyList<string> NettedReversalIds);
