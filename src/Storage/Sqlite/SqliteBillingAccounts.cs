using Microsoft.Data.Sqlite;
using Opside.DataPlane.Billing;
using Opside.Storage.Billing;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>Billing accounts and applied Stripe events in the embedded SQLite file (schema 12).</summary>
public sealed class SqliteBillingAccounts(SqliteDatabase database) : IBillingAccounts
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task UpsertAsync(BillingAccount account, CancellationToken cancellationToken)
    {
        AccountChecks.RequireAccount(account);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO billing_accounts (seller_id, status, customer_id, updated_at) VALUES ($seller_id, $status, $customer_id, $updated_at)
            ON CONFLICT (seller_id) DO UPDATE SET status = excluded.status, customer_id = excluded.customer_id, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$seller_id", account.SellerId);
        command.Parameters.AddWithValue("$status", account.Status);
        command.Parameters.AddWithValue("$customer_id", (object?)account.CustomerId ?? DBNull.Value);
        command.Parameters.AddWithValue("$updated_at", DataPlaneTime.ToUnixMicroseconds(account.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BillingAccount>> ListAsync(string status, int offset, int limit, CancellationToken cancellationToken)
    {
        AccountChecks.RequirePage(status, offset, limit);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seller_id, status, customer_id, updated_at FROM billing_accounts
            WHERE status = $status ORDER BY seller_id LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$offset", offset);
        command.Parameters.AddWithValue("$limit", limit);
        var accounts = new List<BillingAccount>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            accounts.Add(new BillingAccount(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                DataPlaneTime.FromUnixMicroseconds(r.GetInt64(3), 0)));
        return accounts;
    }

    public async Task<bool> HasEventAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM billing_stripe_events WHERE event_id = $event_id);";
        command.Parameters.AddWithValue("$event_id", eventId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    public async Task<bool> RecordEventAsync(string eventId, string sellerId, string type, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        AccountChecks.RequireEvent(eventId, sellerId, type);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO billing_stripe_events (event_id, seller_id, type, applied_at) VALUES ($event_id, $seller_id, $type, $applied_at)
            ON CONFLICT (event_id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$event_id", eventId);
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$applied_at", DataPlaneTime.ToUnixMicroseconds(appliedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
