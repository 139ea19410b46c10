namespace Opside.DataPlane.Claims;

/// <summary>
/// A claim in the read model: the columns the API filters, sorts and sums on, and <see cref="Json"/>, the claim exactly
/// as the API answers it. <see cref="Version"/> is the claim grain's: a record replaces the stored one only if newer, so
/// projecting a change twice, or an old change late, leaves the newest in place. <see cref="Search"/> is the claim's
/// identifiers (FNSKU, SKU, order, shipment, removal order and case id) in lower case, one per line, for text search.
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
    string Json,
    string? CaseId = null,
    string Search = "",
    decimal? RecoveredAmount = null,
    string? RecoveredCurrency = null,
    decimal? ExpectedRecovery = null)
{
    /// <summary>The claim's identifiers, lower case, one per line: what text search looks in.</summary>
    public static string SearchOf(params string?[] identifiers) =>
        string.Join('\n', identifiers.Where(i => !string.IsNullOrEmpty(i)).Select(i => i!.ToLowerInvariant()));
}

/// <summary>One page of claims in the read model's stable order, and how many match in all.</summary>
public sealed record ClaimRecordPage(IReadOnlyList<ClaimRecord> Items, long Total);
