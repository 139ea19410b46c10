using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Claims;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>The claims read model (schema version 4).</summary>
public sealed partial class SqliteDataPlaneStore
{
    public async Task<int> UpsertClaimsAsync(IReadOnlyList<ClaimRecord> claims, CancellationToken cancellationToken)
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
            VALUES ($seller_id, $claim_id, $type, $status, $anchor_date, $window_closes, $estimated_value, $currency, $version, $json)
            {ClaimQueries.ApplyIfNewer};
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
            command.Parameters.AddWithValue("$estimated_value", (object?)claim.EstimatedValue?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$currency", (object?)claim.Currency ?? DBNull.Value);
            command.Parameters.AddWithValue("$version", claim.Version);
            command.Parameters.AddWithValue("$json", claim.Json);
            applied += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public async Task<ClaimRecordPage> QueryClaimsAsync(string sellerId, string? status, string? type, int page, int pageSize, CancellationToken cancellationToken)
    {
        ClaimQueries.RequirePage(sellerId, page, pageSize);
        const string filter = "seller_id = $seller_id AND ($status IS NULL OR status = $status) AND ($type IS NULL OR type = $type)";
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM claims WHERE {filter};
            SELECT {ClaimQueries.Columns} FROM claims WHERE {filter} {ClaimQueries.Order} LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", ClaimQueries.Offset(page, pageSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<ClaimRecord>();
        while (await reader.ReadAsync(cancellationToken))
            items.Add(ReadClaim(reader));
        return new ClaimRecordPage(items, total);
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

    private static ClaimRecord ReadClaim(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        SqliteDataPlaneRows.FromDay(r.GetInt32(4)), SqliteDataPlaneRows.FromDay(r.GetInt32(5)),
        r.IsDBNull(6) ? null : SqliteDataPlaneRows.ParseDecimal(r.GetString(6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt64(8), r.GetString(9));
}
