using Opside.DataPlane.Claims;

namespace Opside.Storage.DataPlane;

/// <summary>The argument checks and the order both stores share for the claims read model.</summary>
internal static class ClaimQueries
{
    public const string Columns =
        "seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency, version, json, case_id, search, recovered_amount, recovered_currency";

    /// <summary>
    /// The query's filters over named parameters (<see cref="Parameters"/>), the same text in both stores: a null
    /// parameter is no filter. Both plan it with the values known, so a seller's list uses the seller's index.
    /// </summary>
    public const string Filter = """
        (@seller_id IS NULL OR seller_id = @seller_id) AND (@status IS NULL OR status = @status) AND (@type IS NULL OR type = @type)
        AND (@due_from IS NULL OR (status = 'Claimable' AND window_closes >= @due_from AND window_closes <= @due_until))
        AND (@anchor_from IS NULL OR anchor_date >= @anchor_from) AND (@anchor_to IS NULL OR anchor_date <= @anchor_to)
        AND (@search IS NULL OR search LIKE @search ESCAPE '\')
        """;

    /// <summary>
    /// The query's order; <paramref name="value"/> is the store's expression of the estimated value as a number. The
    /// seller and claim id end every order, so pages never overlap or skip.
    /// </summary>
    public static string Order(ClaimQuery query, string value)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        var first = query.Sort switch
        {
            ClaimSort.AnchorDate => $"anchor_date {direction}",
            ClaimSort.Value => $"{value} {direction} NULLS LAST",
            ClaimSort.Queue => $"window_closes, {value} DESC NULLS LAST",
            _ => $"window_closes {direction}",
        };
        return $"ORDER BY {first}, seller_id, claim_id";
    }

    /// <summary>The filter's parameters by name, dates as the store keeps them (<paramref name="day"/>).</summary>
    public static IEnumerable<(string Name, object? Value)> Parameters(ClaimQuery query, Func<DateOnly, object> day)
    {
        yield return ("seller_id", query.SellerId);
        yield return ("status", query.Status);
        yield return ("type", query.Type);
        yield return ("due_from", query.DueSoonOn is { } from ? day(from) : null);
        yield return ("due_until", query.DueSoonUntil is { } until ? day(until) : null);
        yield return ("anchor_from", query.AnchorFrom is { } af ? day(af) : null);
        yield return ("anchor_to", query.AnchorTo is { } at ? day(at) : null);
        yield return ("search", query.Search is { Length: > 0 } text ? $"%{EscapeLike(text.ToLowerInvariant())}%" : null);
    }

    /// <summary>Whether the filter parameter of this name is a day.</summary>
    public static bool IsDay(string name) => name is "due_from" or "due_until" or "anchor_from" or "anchor_to";

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>
    /// The end of both stores' upsert: an old or repeated version is a no-op, so projection is idempotent by id and
    /// version (same syntax in PostgreSQL and SQLite).
    /// </summary>
    public static readonly string ApplyIfNewer = OnConflict(">");

    /// <summary>The rebuild's: the grain's current version is written over the same version too, never over a newer one.</summary>
    public static readonly string ApplyUnlessOlder = OnConflict(">=");

    private static string OnConflict(string comparison) => $"""
        ON CONFLICT (seller_id, claim_id) DO UPDATE SET
            type = excluded.type, status = excluded.status, anchor_date = excluded.anchor_date,
            window_closes = excluded.window_closes, estimated_value = excluded.estimated_value,
            currency = excluded.currency, version = excluded.version, json = excluded.json, case_id = excluded.case_id,
            search = excluded.search, recovered_amount = excluded.recovered_amount, recovered_currency = excluded.recovered_currency
        WHERE excluded.version {comparison} claims.version
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

    public static void RequireQuery(ClaimQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.SellerId is not null)
            DataPlaneRanges.RequireSeller(query.SellerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        if ((query.DueSoonOn is null) != (query.DueSoonUntil is null))
            throw new ArgumentException("Due soon needs both its first and its last day.", nameof(query));
    }

    /// <summary>The rows to skip; long so a huge page number cannot overflow.</summary>
    public static long Offset(int page, int pageSize) => (long)(page - 1) * pageSize;
}
