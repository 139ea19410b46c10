using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Billing;
using Opside.Storage.Billing;

namespace Opside.Storage.Postgres;

/// <summary>The billing ledger in PostgreSQL (migration 0014_billing_ledger).</summary>
public sealed class PostgresBillingLedger(NpgsqlDataSource dataSource) : IBillingLedger
{
    private const int InsertBatch = 500;

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task<int> AddAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        LedgerChecks.RequireEntries(entries);
        if (entries.Count == 0)
            return 0;

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var chunk in entries.Chunk(InsertBatch))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var e in chunk)
            {
                var command = new NpgsqlBatchCommand($"""
                    INSERT INTO billing_ledger ({LedgerChecks.Columns})
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                    ON CONFLICT (seller_id, entry_key) DO NOTHING
                    """);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.SellerId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.EntryKey });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Kind });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.ClaimId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.CaseId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.ReimbursementId });
                command.Parameters.Add(Nullable(e.ReversedReimbursementId, NpgsqlDbType.Text));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = e.ApprovedAt.ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Currency });
                command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = e.Cash });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = e.InventoryUnits });
                command.Parameters.Add(Nullable(e.UnitValue, NpgsqlDbType.Numeric));
                command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = e.Rate });
                command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = e.Commission });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = e.RecordedAt.ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.State });
                command.Parameters.Add(Nullable(e.StripeInvoiceItemId, NpgsqlDbType.Text));
                command.Parameters.Add(Nullable(e.StripeInvoiceId, NpgsqlDbType.Text));
                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.CloseAsync();
            foreach (NpgsqlBatchCommand command in batch.BatchCommands)
                added += (int)command.RecordsAffected;
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, string currency, int offset, int limit,
        CancellationToken cancellationToken)
    {
        LedgerChecks.RequirePage(sellerId, from, until, offset, limit);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        await using var command = _dataSource.CreateCommand($"""
            SELECT {LedgerChecks.Columns} FROM billing_ledger
            WHERE seller_id = $1 AND approved_at >= $2 AND approved_at < $3 AND currency = $4
            ORDER BY approved_at, entry_key OFFSET $5 LIMIT $6
            """);
        AddRange(command, sellerId, from, until);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = currency });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerTotal>> TotalsAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        LedgerChecks.RequirePage(sellerId, from, until, 0, 1);
        await using var command = _dataSource.CreateCommand("""
            SELECT currency, count(*)::int,
                   coalesce(sum(commission) FILTER (WHERE kind = 'Charge'), 0), coalesce(sum(commission) FILTER (WHERE kind = 'Credit'), 0)
            FROM billing_ledger WHERE seller_id = $1 AND approved_at >= $2 AND approved_at < $3
            GROUP BY currency ORDER BY currency
            """);
        AddRange(command, sellerId, from, until);
        var totals = new List<LedgerTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            totals.Add(new LedgerTotal(reader.GetString(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetDecimal(3)));
        return totals;
    }

    public async Task<IReadOnlyList<LedgerEntry>> PendingAsync(string sellerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, LedgerChecks.MaxPage);
        await using var command = _dataSource.CreateCommand($"""
            SELECT {LedgerChecks.Columns} FROM billing_ledger
            WHERE seller_id = $1 AND state = 'Pending' ORDER BY recorded_at, entry_key LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> MarkPushedAsync(string sellerId, string entryKey, string invoiceItemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceItemId);
        await using var command = _dataSource.CreateCommand("""
            UPDATE billing_ledger SET state = 'Pushed', stripe_invoice_item_id = $3
            WHERE seller_id = $1 AND entry_key = $2 AND state = 'Pending'
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entryKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceItemId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<string>> UninvoicedCurrenciesAsync(string sellerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        await using var command = _dataSource.CreateCommand(
            "SELECT DISTINCT currency FROM billing_ledger WHERE seller_id = $1 AND state = 'Pushed' ORDER BY currency");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        return await ReadStringsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> MarkInvoicedAsync(string sellerId, string currency, string invoiceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE billing_ledger SET state = 'Invoiced', stripe_invoice_id = $3
            WHERE seller_id = $1 AND currency = $2 AND state = 'Pushed'
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = currency });
            update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceId });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var months = new NpgsqlCommand("""
            SELECT DISTINCT to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM') FROM billing_ledger
            WHERE seller_id = $1 AND stripe_invoice_id = $2 ORDER BY 1
            """, connection, transaction);
        months.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        months.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceId });
        var answer = await ReadStringsAsync(months, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answer;
    }

    public async Task<int> MarkPaidAsync(string sellerId, string invoiceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        await using var command = _dataSource.CreateCommand(
            "UPDATE billing_ledger SET state = 'Paid' WHERE seller_id = $1 AND stripe_invoice_id = $2 AND state = 'Invoiced'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = invoiceId });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    private static void AddRange(NpgsqlCommand command, string sellerId, DateTimeOffset from, DateTimeOffset until)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() });
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateTimeOffset>(7), r.GetString(8), r.GetDecimal(9), r.GetInt32(10),
                r.IsDBNull(11) ? null : r.GetDecimal(11), r.GetDecimal(12), r.GetDecimal(13), r.GetFieldValue<DateTimeOffset>(14), r.GetString(15),
                r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17)));
        }

        return entries;
    }
}
