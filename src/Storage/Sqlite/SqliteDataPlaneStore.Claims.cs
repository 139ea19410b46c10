using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Claims;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>The claims read model (schema versions 4, 6, 8 and 10).</summary>
public sealed partial class SqliteDataPlaneStore
{
    public Task<int> UpsertClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken) =>
        WriteClaimsAsync(claims, ClaimQueries.ApplyIfNewer, cancellationToken);

    public Task<int> RewriteClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken) =>
        WriteClaimsAsync(claims, ClaimQueries.ApplyUnlessOlder, cancellationToken);

    private async Task<int> WriteClaimsAsync(IReadOnlyList<ClaimRecord> claims, string onConflict, CancellationToken cancellationToken)
    {
        var newest = ClaimQueries.NewestOfEach(claims);
        if (newest.Count == 0)
            return 0;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO claims ({ClaimQueries.Columns})
            VALUES ($seller_id, $claim_id, $type, $status, $anchor_date, $window_closes, $estimated_value, $currency, $version, $json,
                    $case_id, $search, $recovered_amount, $recovered_currency, $expected_recovery)
            {onConflict};
            """;
        var applied = 0;
        foreach (var claim in newest)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$seller_id", claim.SellerId);
            command.Parameters.AddWithValue("$claim_id", claim.ClaimId);
            command.Parameters.AddWithValue("$type", claim.Type);
            command.Parameters.AddWithValue("$status", claim.Status);
            command.Parameters.AddWithValue("$anchor_date", SqliteDataPlaneRows.ToDay(claim.AnchorDate));
            command.Parameters.AddWithValue("$window_closes", SqliteDataPlaneRows.ToDay(claim.WindowCloses));
            command.Parameters.AddWithValue("$estimated_value", Money(claim.EstimatedValue));
            command.Parameters.AddWithValue("$currency", (object?)claim.Currency ?? DBNull.Value);
            command.Parameters.AddWithValue("$version", claim.Version);
            command.Parameters.AddWithValue("$json", claim.Json);
            command.Parameters.AddWithValue("$case_id", (object?)claim.CaseId ?? DBNull.Value);
            command.Parameters.AddWithValue("$search", claim.Search);
            command.Parameters.AddWithValue("$recovered_amount", Money(claim.RecoveredAmount));
            command.Parameters.AddWithValue("$recovered_currency", (object?)claim.RecoveredCurrency ?? DBNull.Value);
            command.Parameters.AddWithValue("$expected_recovery", Money(claim.ExpectedRecovery));
            applied += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public async Task<ClaimRecordPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken)
    {
        ClaimQueries.RequireQuery(query);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var keys = ListKeysFrom(query);
        var offset = ClaimQueries.Offset(query.Page, query.PageSize);
        var items = new List<ClaimRecord>();
        await using (var page = ListCommand(connection, query, ClaimQueries.Page(query, ClaimQueries.ValueOrder.Sqlite, keys)))
        {
            page.Parameters.AddWithValue("@limit", query.PageSize);
            page.Parameters.AddWithValue("@offset", offset);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                items.Add(ReadClaim(reader));
        }

        if (ClaimQueries.TotalFromPage(query, items.Count) is { } told)
            return new ClaimRecordPage(items, told);
        await using var count = ListCommand(connection, query, $"SELECT count(*) FROM {keys} WHERE {ClaimQueries.Filter(query)};");
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new ClaimRecordPage(items, total);
    }

    /// <summary>
    /// Where a seller's list reads its keys and its count: the index of its order (schema 8), each of which holds every
    /// filtered column, so both walk at most the seller's index entries and read no row. Without statistics SQLite
    /// chose indexes that then read each claim's row (seconds for some filter combinations). Due soon bounds the
    /// window close, so its window index range is short whatever the order. Across sellers (the ops queue) the planner
    /// chooses.
    /// </summary>
    private static string ListKeysFrom(ClaimQuery query)
    {
        if (query.SellerId is null)
            return "claims";
        var index = query switch
        {
            { DueSoonOn: not null } => "ix_claims_list_window",
            { Sort: ClaimSort.AnchorDate } => "ix_claims_list_anchor",
            { Sort: ClaimSort.Value, Descending: true } => "ix_claims_list_value_desc",
            { Sort: ClaimSort.Value } => "ix_claims_list_value",
            _ => "ix_claims_list_window",
        };
        return $"claims INDEXED BY {index}";
    }

    private static SqliteCommand ListCommand(SqliteConnection connection, ClaimQuery query, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in ClaimQueries.Parameters(query, day => SqliteDataPlaneRows.ToDay(day)))
            command.Parameters.AddWithValue("@" + name, value);
        return command;
    }

    public async Task<ClaimRecord?> GetClaimAsync(string sellerId, string claimId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(claimId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ClaimQueries.Columns} FROM claims WHERE seller_id = $seller_id AND claim_id = $claim_id;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$claim_id", claimId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadClaim(reader) : null;
    }

    public async Task<IReadOnlyList<ClaimRecord>> FindClaimsByCaseAsync(string sellerId, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(caseIds);
        var claims = new List<ClaimRecord>();
        if (caseIds.Count == 0)
            return claims;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The ids as one JSON array parameter: any number of them in one statement.
        command.CommandText = $"SELECT {ClaimQueries.Columns} FROM claims WHERE seller_id = $seller_id AND case_id IN (SELECT value FROM json_each($case_ids)) ORDER BY claim_id;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$case_ids", System.Text.Json.JsonSerializer.Serialize(caseIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claims.Add(ReadClaim(reader));
        return claims;
    }

    public async Task<IReadOnlyList<ClaimTally>> TallyClaimsAsync(string sellerId, DateOnly dueFrom, DateOnly dueUntil, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Sums here in decimal: SQLite would add the TEXT amounts as floating point.
        command.CommandText = """
            SELECT status, type, coalesce(currency, recovered_currency), estimated_value, recovered_amount, window_closes
            FROM claims WHERE seller_id = $seller_id;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var (from, until) = (SqliteDataPlaneRows.ToDay(dueFrom), SqliteDataPlaneRows.ToDay(dueUntil));
        var tallies = new Dictionary<(string, string, string?), ClaimTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            var tally = tallies.GetValueOrDefault(key) ?? new ClaimTally(key.Item1, key.Item2, key.Item3, 0, 0m, 0m, 0);
            var closes = reader.GetInt32(5);
            tallies[key] = tally with
            {
                Count = tally.Count + 1,
                Value = tally.Value + (reader.IsDBNull(3) ? 0m : SqliteDataPlaneRows.ParseDecimal(reader.GetString(3))),
                Recovered = tally.Recovered + (reader.IsDBNull(4) ? 0m : SqliteDataPlaneRows.ParseDecimal(reader.GetString(4))),
                DueSoon = tally.DueSoon + (key.Item1 == "Claimable" && closes >= from && closes <= until ? 1 : 0),
            };
        }

        return [.. tallies.Values.OrderBy(t => t.Status, StringComparer.Ordinal).ThenBy(t => t.Type, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> ListClaimIdsAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT claim_id FROM claims WHERE seller_id = $seller_id ORDER BY claim_id;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    public async Task<int> DeleteClaimsAsync(string sellerId, IReadOnlyCollection<string> claimIds, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(claimIds);
        if (claimIds.Count == 0)
            return 0;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM claims WHERE seller_id = $seller_id AND claim_id IN (SELECT value FROM json_each($claim_ids));";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$claim_ids", System.Text.Json.JsonSerializer.Serialize(claimIds));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object Money(decimal? amount) => (object?)amount?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;

    private static ClaimRecord ReadClaim(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        SqliteDataPlaneRows.FromDay(r.GetInt32(4)), SqliteDataPlaneRows.FromDay(r.GetInt32(5)),
        r.IsDBNull(6) ? null : SqliteDataPlaneRows.ParseDecimal(r.GetString(6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8), r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.GetString(11),
        r.IsDBNull(12) ? null : SqliteDataPlaneRows.ParseDecimal(r.GetString(12)),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : SqliteDataPlaneRows.ParseDecimal(r.GetString(14)));
}
