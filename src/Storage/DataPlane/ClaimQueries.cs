using Opside.DataPlane.Claims;

namespace Opside.Storage.DataPlane;

/// <summary>The argument checks and the order both stores share for the claims read model.</summary>
internal static class ClaimQueries
{
    /// <summary>Soonest deadline first; the id breaks ties so pages never overlap or skip.</summary>
    public const string Order = "ORDER BY window_closes, claim_id";

    public const string Columns = "seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency, version, json";

    /// <summary>
    /// The end of both stores' upsert: an old or repeated version is a no-op, so projection is idempotent by id and
    /// version (same syntax in PostgreSQL and SQLite).
    /// </summary>
    public const string ApplyIfNewer = """
        ON CONFLICT (seller_id, claim_id) DO UPDATE SET
            type = excluded.type, status = excluded.status, anchor_date = excluded.anchor_date,
            window_closes = excluded.window_closes, estimated_value = excluded.estimated_value,
            currency = excluded.currency, version = excluded.version, json = excluded.json
        WHERE excluded.version > claims.version
        """;

    /// <summary>Each claim checked, and of several versions of one claim only the newest (one row may change once per statement).</summary>
    public static IReadOnlyList<ClaimRecord> NewestOfEach(IReadOnlyList<ClaimRecord> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var claim in claims)
            RequireClaim(claim);
        return [.. claims.GroupBy(c => (c.SellerId, c.ClaimId)).Select(g => g.MaxBy(c => c.Version)!)];
    }

    public static void RequireClaim(ClaimRecord claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        DataPlaneRanges.RequireSeller(claim.SellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.ClaimId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.Json);
        if ((claim.EstimatedValue is null) != (claim.Currency is null))
            throw new ArgumentException("A claim's estimated value and its currency are both known or both unknown.", nameof(claim));
    }

    public static void RequirePage(string sellerId, int page, int pageSize)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
    }

    /// <summary>The rows to skip; long so a huge page number cannot overflow.</summary>
    public static long Offset(int page, int pageSize) => (long)(page - 1) * pageSize;
}
