using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Claims;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Postgres;

/// <summary>The claims read model (migration 0007_claims).</summary>
public sealed partial class PostgresDataPlaneStore
{
    public async Task<int> UpsertClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken)
    {
        var newest = ClaimQueries.NewestOfEach(claims);
        if (newest.Count == 0)
            return 0;
        // One statement over arrays: one round trip and one commit for the whole batch.
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO claims ({ClaimQueries.Columns})
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::numeric[], $8::text[], $9::bigint[], $10::text[])
            {ClaimQueries.ApplyIfNewer}
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. newest.Select(c => c.SellerId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. newest.Select(c => c.ClaimId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. newest.Select(c => c.Type)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. newest.Select(c => c.Status)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. newest.Select(c => c.AnchorDate)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. newest.Select(c => c.WindowCloses)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<decimal?[]> { TypedValue = [.. newest.Select(c => c.EstimatedValue)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. newest.Select(c => c.Currency)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. newest.Select(c => c.Version)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. newest.Select(c => c.Json)] });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ClaimRecordPage> QueryClaimsAsync(string sellerId, string? status, string? type, int page, int pageSize, CancellationToken cancellationToken)
    {
        ClaimQueries.RequirePage(sellerId, page, pageSize);
        // count(*) OVER () gives the total with the page in one round trip; an empty page falls back to a count.
        const string filter = "seller_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR type = $3)";
        var items = new List<ClaimRecord>();
        long? total = null;
        await using (var command = _dataSource.CreateCommand(
            $"SELECT {ClaimQueries.Columns}, count(*) OVER () FROM claims WHERE {filter} {ClaimQueries.Order} LIMIT $4 OFFSET $5"))
        {
            AddFilter(command, sellerId, status, type);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ClaimQueries.Offset(page, pageSize) });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadClaim(reader));
                total = reader.GetInt64(10);
            }
        }

        if (total is null)
        {
            await using var count = _dataSource.CreateCommand($"SELECT count(*) FROM claims WHERE {filter}");
            AddFilter(count, sellerId, status, type);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new ClaimRecordPage(items, total.Value);
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

    private static void AddFilter(NpgsqlCommand command, string sellerId, string? status, string? type)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private static ClaimRecord ReadClaim(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5),
        r.IsDBNull(6) ? null : r.GetDecimal(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8), r.GetString(9));
}
