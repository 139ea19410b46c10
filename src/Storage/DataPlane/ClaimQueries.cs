using Opside.DataPlane.Claims;

namespace Opside.Storage.DataPlane;

/// <summary>The argument checks and the order both stores share for the claims read model.</summary>
internal static class ClaimQueries
{
    public const string Columns =
        "seller_id, claim_id, type, status, anchor_date, window_closes, estimated_value, currency, version, json, case_id, search, recovered_amount, recovered_currency, expected_recovery";

    /// <summary>
    /// The query's filters over named parameters (<see cref="Parameters"/>), the same text in both stores, with only the
    /// filters the query sets: an "<c>@p IS NULL OR …</c>" form is planned without the values (SQLite scanned the table
    /// for every list), while this one uses the seller's indexes (docs/benchmarks.md, "Claim workflow").
    /// </summary>
    public static string Filter(ClaimQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new List<string>();
        if (query.SellerId is not null)
            conditions.Add("seller_id = @seller_id");
        if (query.Status is not null)
            conditions.Add("status = @status");
        if (query.Type is not null)
            conditions.Add("type = @type");
        if (query.DueSoonOn is not null)
            conditions.Add("status = 'Claimable' AND window_closes >= @due_from AND window_closes <= @due_until");
        if (query.AnchorFrom is not null)
            conditions.Add("anchor_date >= @anchor_from");
        if (query.AnchorTo is not null)
            conditions.Add("anchor_date <= @anchor_to");
        if (query.Search is { Length: > 0 })
            conditions.Add("search LIKE @search ESCAPE '\\'");
        return conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
    }

    /// <summary>
    /// One page: its keys are chosen first, from the indexes alone where one covers the filter and the order, and only
    /// those rows are read whole. Read whole, every skipped row of a deep page would carry its JSON.
    /// </summary>
    /// <param name="value">The store's value order (<see cref="Order"/>).</param>
    /// <param name="keysFrom">Where the keys are read: <c>claims</c>, or the table with a store's index hint.</param>
    public static string Page(ClaimQuery query, ValueOrder value, string keysFrom = "claims") => $"""
        SELECT {Columns} FROM claims
        WHERE (seller_id, claim_id) IN (SELECT seller_id, claim_id FROM {keysFrom} WHERE {Filter(query)} {Order(query, value)} LIMIT @limit OFFSET @offset)
        {Order(query, value)}
        """;

    /// <summary>
    /// The query's order, the value's as <paramref name="value"/> writes it. The seller and claim id end every order,
    /// so pages never overlap or skip.
    /// </summary>
    public static string Order(ClaimQuery query, ValueOrder value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var direction = query.Descending ? "DESC" : "ASC";
        var first = query.Sort switch
        {
            ClaimSort.AnchorDate => $"anchor_date {direction}",
            ClaimSort.Value => value.UnknownLast("estimated_value", direction),
            // The queue's "most expected recovery": the refund model's, then the estimated value (all a queue has before
            // claims are scored).
            ClaimSort.Queue => $"window_closes, {value.UnknownLast("expected_recovery", "DESC")}, {value.UnknownLast("estimated_value", "DESC")}",
            _ => $"window_closes {direction}",
        };
        return $"ORDER BY {first}, seller_id, claim_id";
    }

    /// <summary>
    /// How a store orders by the estimated value, a number, with unknown values last in either direction: PostgreSQL
    /// says <c>NULLS LAST</c>; SQLite keeps money as TEXT and can walk an index in that order only when the order is
    /// written as its index is, unknown first as a separate term (docs/benchmarks.md, "Claim workflow").
    /// </summary>
    public sealed record ValueOrder(bool MoneyAsText)
    {
        public static readonly ValueOrder Postgres = new(MoneyAsText: false);

        public static readonly ValueOrder Sqlite = new(MoneyAsText: true);

        /// <summary>The order by a money <paramref name="column"/>, unknown values last.</summary>
        public string UnknownLast(string column, string direction) =>
            MoneyAsText ? $"{column} IS NULL, CAST({column} AS REAL) {direction}" : $"{column} {direction} NULLS LAST";
    }

    /// <summary>The parameters of the filters the query sets (<see cref="Filter"/>), dates as the store keeps them (<paramref name="day"/>).</summary>
    public static IEnumerable<(string Name, object Value)> Parameters(ClaimQuery query, Func<DateOnly, object> day)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.SellerId is { } seller)
            yield return ("seller_id", seller);
        if (query.Status is { } status)
            yield return ("status", status);
        if (query.Type is { } type)
            yield return ("type", type);
        if (query.DueSoonOn is { } from)
        {
            yield return ("due_from", day(from));
            yield return ("due_until", day(query.DueSoonUntil ?? from));
        }
        if (query.AnchorFrom is { } anchorFrom)
            yield return ("anchor_from", day(anchorFrom));
        if (query.AnchorTo is { } anchorTo)
            yield return ("anchor_to", day(anchorTo));
        if (query.Search is { Length: > 0 } text)
            yield return ("search", $"%{EscapeLike(text.ToLowerInvariant())}%");
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
            search = excluded.search, recovered_amount = excluded.recovered_amount, recovered_currency = excluded.recovered_currency,
            expected_recovery = excluded.expected_recovery
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

    /// <summary>
    /// The total a page tells by itself, read first: a page that is not full ends the list, so a search matching a few
    /// claims is one walk of the seller's claims, not two (the count's and the page's). Null for a full page, or one past
    /// the end: only a count tells those.
    /// </summary>
    public static long? TotalFromPage(ClaimQuery query, int items)
    {
        ArgumentNullException.ThrowIfNull(query);
        var offset = Offset(query.Page, query.PageSize);
        return items < query.PageSize && (items > 0 || offset == 0) ? offset + items : null;
    }

    /// <summary>The rows to skip; long so a huge page number cannot overflow.</summary>
    public static long Offset(int page, int pageSize) => (long)(page - 1) * pageSize;
}
