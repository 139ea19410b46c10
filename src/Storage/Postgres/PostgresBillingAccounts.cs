using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Billing;
using Opside.Storage.Billing;

namespace Opside.Storage.Postgres;

/// <summary>Billing accounts and applied Stripe events in PostgreSQL (migration 0015_billing_accounts).</summary>
public sealed class PostgresBillingAccounts(NpgsqlDataSource dataSource) : IBillingAccounts
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task UpsertAsync(BillingAccount account, CancellationToken cancellationToken)
    {
        AccountChecks.RequireAccount(account);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO billing_accounts (seller_id, status, customer_id, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (seller_id) DO UPDATE SET status = excluded.status, customer_id = excluded.customer_id, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.SellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.Status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)account.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = account.UpdatedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BillingAccount>> ListAsync(string status, int offset, int limit, CancellationToken cancellationToken)
    {
        AccountChecks.RequirePage(status, offset, limit);
        await using var command = _dataSource.CreateCommand("""
            SELECT seller_id, status, customer_id, updated_at FROM billing_accounts
            WHERE status = $1 ORDER BY seller_id OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var accounts = new List<BillingAccount>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            accounts.Add(new BillingAccount(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        return accounts;
    }

    public async Task<bool> HasEventAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM billing_stripe_events WHERE event_id = $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> RecordEventAsync(string eventId, string sellerId, string type, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        AccountChecks.RequireEvent(eventId, sellerId, type);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO billing_stripe_events (event_id, seller_id, type, applied_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = appliedAt.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
