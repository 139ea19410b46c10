using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Claims;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Postgres;

/// <summary>The claims read model (migrations 0007_claims, 0009_claims_workflow, 0010, 0011, 0013).</summary>
public sealed partial class PostgresDataPlaneStore
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
        // One statement over arrays: one round trip and one commit for the whole batch.
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO claims ({ClaimQueries.Columns})
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::numeric[], $8::text[], $9::bigint[], $10::text[],
                                 $11::text[], $12::text[], $13::numeric[], $14::text[], $15::numeric[])
            {onConflict}
            """);
        Add(command, newest.Select(c => c.SellerId));
        Add(command, newest.Select(c => c.ClaimId));
        Add(command, newest.Select(c => c.Type));
        Add(command, newest.Select(c => c.Status));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. newest.Select(c => c.AnchorDate)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. newest.Select(c => c.WindowCloses)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        AddMoney(command, newest.Select(c => c.EstimatedValue));
        AddNullable(command, newest.Select(c => c.Currency));
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. newest.Select(c => c.Version)] });
        Add(command, newest.Select(c => c.Json));
        AddNullable(command, newest.Select(c => c.CaseId));
        Add(command, newest.Select(c => c.Search));
        AddMoney(command, newest.Select(c => c.RecoveredAmount));
        AddNullable(command, newest.Select(c => c.RecoveredCurrency));
        AddMoney(command, newest.Select(c => c.ExpectedRecovery));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ClaimRecordPage> QueryClaimsAsync(ClaimQuery query, CancellationToken cancellationToken)
    {
        ClaimQueries.RequireQuery(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var items = new List<ClaimRecord>();
        await using (var page = new NpgsqlCommand(ClaimQueries.Page(query, ClaimQueries.ValueOrder.Postgres), connection))
        {
            AddFilter(page.Parameters, query);
            page.Parameters.Add(new NpgsqlParameter<int>("limit", query.PageSize));
            page.Parameters.Add(new NpgsqlParameter<long>("offset", ClaimQueries.Offset(query.Page, query.PageSize)));
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                items.Add(ReadClaim(reader));
        }

        if (ClaimQueries.TotalFromPage(query, items.Count) is { } told)
            return new ClaimRecordPage(items, told);
        // The count apart from the page: "count(*) OVER ()" made the page gather every matching row first.
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM claims WHERE {ClaimQueries.Filter(query)}", connection);
        AddFilter(count.Parameters, query);
        return new ClaimRecordPage(items, (long)(await count.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<ClaimRecord?> GetClaimAsync(string sellerId, string claimId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(claimId);
        await using var command = _dataSource.CreateCommand($"SELECT {ClaimQueries.Columns} FROM claims WHERE seller_id = $1 AND claim_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claimId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadClaim(reader) : null;
    }

    public async Task<IReadOnlyList<ClaimRecord>> FindClaimsByCaseAsync(string sellerId, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(caseIds);
        if (caseIds.Count == 0)
            return [];
        await using var command = _dataSource.CreateCommand($"SELECT {ClaimQueries.Columns} FROM claims WHERE seller_id = $1 AND case_id = ANY($2) ORDER BY claim_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. caseIds] });
        return await ReadClaimsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimTally>> TallyClaimsAsync(string sellerId, DateOnly dueFrom, DateOnly dueUntil, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var command = _dataSource.CreateCommand("""
            SELECT status, type, coalesce(currency, recovered_currency), count(*), coalesce(sum(estimated_value), 0), coalesce(sum(recovered_amount), 0),
                   count(*) FILTER (WHERE status = 'Claimable' AND window_closes >= $2 AND window_closes <= $3)
            FROM claims WHERE seller_id = $1
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = dueFrom });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = dueUntil });
        var tallies = new List<ClaimTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tallies.Add(new ClaimTally(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetDecimal(4), reader.GetDecimal(5), reader.GetInt64(6)));
        return tallies;
    }

    public async Task<IReadOnlyList<string>> ListClaimIdsAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var command = _dataSource.CreateCommand("SELECT claim_id FROM claims WHERE seller_id = $1 ORDER BY claim_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
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
        await using var command = _dataSource.CreateCommand("DELETE FROM claims WHERE seller_id = $1 AND claim_id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. claimIds] });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddFilter(NpgsqlParameterCollection parameters, ClaimQuery query)
    {
        foreach (var (name, value) in ClaimQueries.Parameters(query, day => day))
            parameters.Add(new NpgsqlParameter(name, ClaimQueries.IsDay(name) ? NpgsqlDbType.Date : NpgsqlDbType.Text) { Value = value });
    }

    private static void Add(NpgsqlCommand command, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. values] });

    private static void AddNullable(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private static void AddMoney(NpgsqlCommand command, IEnumerable<decimal?> values) =>
        command.Parameters.Add(new NpgsqlParameter<decimal?[]> { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });

    private static async Task<IReadOnlyList<ClaimRecord>> ReadClaimsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var claims = new List<ClaimRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claims.Add(ReadClaim(reader));
        return claims;
    }

    private static ClaimRecord ReadClaim(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5),
        r.IsDBNull(6) ? null : r.GetDecimal(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8), r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.GetString(11),
        r.IsDBNull(12) ? null : r.GetDecimal(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : r.GetDecimal(14));
}
