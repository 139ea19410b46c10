namespace Opside.DataPlane.Claims;

/// <summary>
/// A claim in the read model: the columns the API filters and sorts on, and <see cref="Json"/>, the claim exactly as
/// the API answers it. <see cref="Version"/> is the claim grain's: a record replaces the stored one only if newer, so
/// projecting a change twice, or an old change late, leaves the newest in place.
/// </summary>
public sealed record ClaimRecord(
    string SellerId,
    string ClaimId,
    string Type,
    string Status,
    DateOnly AnchorDate,
    DateOnly WindowCloses,
    decimal? EstimatedValue,
    string? Currency,
    long Version,
    string Json);

/// <summary>One page of a seller's claims in the read model's stable order, and how many match in all.</summary>
public sealed record ClaimRecordPage(IReadOnlyList<ClaimRecord> Items, long Total);
