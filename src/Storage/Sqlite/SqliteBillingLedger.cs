using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Billing;
using Opside.Storage.Billing;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>The billing ledger in the embedded SQLite file (schemas 11 and 12): money as exact TEXT, summed in C#, not as REAL.</summary>
public sealed class SqliteBillingLedger(SqliteDatabase database) : IBillingLedger
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task<int> AddAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        LedgerChecks.RequireEntries(entries);
        if (entries.Count == 0)
            return 0;

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO billing_ledger ({LedgerChecks.Columns})
            VALUES ($seller_id, $entry_key, $kind, $claim_id, $case_id, $reimbursement_id, $reversed_reimbursement_id, $approved_at,
                    $currency, $cash, $inventory_units, $unit_value, $rate, $commission, $recorded_at, $state, $stripe_invoice_item_id,
                    $stripe_invoice_id)
            ON CONFLICT (seller_id, entry_key) DO NOTHING;
            """;
        var added = 0;
        foreach (var e in entries)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$seller_id", e.SellerId);
            command.Parameters.AddWithValue("$entry_key", e.EntryKey);
            command.Parameters.AddWithValue("$kind", e.Kind);
            command.Parameters.AddWithValue("$claim_id", e.ClaimId);
            command.Parameters.AddWithValue("$case_id", e.CaseId);
            command.Parameters.AddWithValue("$reimbursement_id", e.ReimbursementId);
            command.Parameters.AddWithValue("$reversed_reimbursement_id", (object?)e.ReversedReimbursementId ?? DBNull.Value);
            command.Parameters.AddWithValue("$approved_at", DataPlaneTime.ToUnixMicroseconds(e.ApprovedAt));
            command.Parameters.AddWithValue("$currency", e.Currency);
            command.Parameters.AddWithValue("$cash", Text(e.Cash));
            command.Parameters.AddWithValue("$inventory_units", e.InventoryUnits);
            command.Parameters.AddWithValue("$unit_value", e.UnitValue is { } unit ? Text(unit) : DBNull.Value);
            command.Parameters.AddWithValue("$rate", Text(e.Rate));
            command.Parameters.AddWithValue("$commission", Text(e.Commission));
            command.Parameters.AddWithValue("$recorded_at", DataPlaneTime.ToUnixMicroseconds(e.RecordedAt));
            command.Parameters.AddWithValue("$state", e.State);
            command.Parameters.AddWithValue("$stripe_invoice_item_id", (object?)e.StripeInvoiceItemId ?? DBNull.Value);
            command.Parameters.AddWithValue("$stripe_invoice_id", (object?)e.StripeInvoiceId ?? DBNull.Value);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, string currency, int offset, int limit,
        CancellationToken cancellationToken)
    {
        LedgerChecks.RequirePage(sellerId, from, until, offset, limit);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {LedgerChecks.Columns} FROM billing_ledger
            WHERE seller_id = $seller_id AND approved_at >= $from AND approved_at < $until AND currency = $currency
            ORDER BY approved_at, entry_key LIMIT $limit OFFSET $offset;
            """;
        AddRange(command, sellerId, from, until);
        command.Parameters.AddWithValue("$currency", currency);
        command.Parameters.AddWithValue("$offset", offset);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerTotal>> TotalsAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        LedgerChecks.RequirePage(sellerId, from, until, 0, 1);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Streams only the three columns a total needs: SQLite would sum the TEXT money as REAL and lose cents.
        command.CommandText = """
            SELECT currency, kind, commission FROM billing_ledger
            WHERE seller_id = $seller_id AND approved_at >= $from AND approved_at < $until;
            """;
        AddRange(command, sellerId, from, until);
        var totals = new SortedDictionary<string, LedgerTotal>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var currency = reader.GetString(0);
            var commission = SqliteDataPlaneRows.ParseDecimal(reader.GetString(2));
            var total = totals.GetValueOrDefault(currency) ?? new LedgerTotal(currency, 0, 0m, 0m);
            totals[currency] = reader.GetString(1) == LedgerKinds.Charge
                ? total with { Entries = total.Entries + 1, Charges = total.Charges + commission }
                : total with { Entries = total.Entries + 1, Credits = total.Credits + commission };
        }

        return [.. totals.Values];
    }

    public async Task<IReadOnlyList<LedgerEntry>> PendingAsync(string sellerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, LedgerChecks.MaxPage);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {LedgerChecks.Columns} FROM billing_ledger
            WHERE seller_id = $seller_id AND state = 'Pending' ORDER BY recorded_at, entry_key LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> MarkPushedAsync(string sellerId, string entryKey, string invoiceItemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceItemId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE billing_ledger SET state = 'Pushed', stripe_invoice_item_id = $item
            WHERE seller_id = $seller_id AND entry_key = $entry_key AND state = 'Pending';
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$entry_key", entryKey);
        command.Parameters.AddWithValue("$item", invoiceItemId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<string>> UninvoicedCurrenciesAsync(string sellerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT currency FROM billing_ledger WHERE seller_id = $seller_id AND state = 'Pushed' ORDER BY currency;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var currencies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            currencies.Add(reader.GetString(0));
        return currencies;
    }

    public async Task<IReadOnlyList<string>> MarkInvoicedAsync(string sellerId, string currency, string invoiceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE billing_ledger SET state = 'Invoiced', stripe_invoice_id = $invoice
            WHERE seller_id = $seller_id AND currency = $currency AND state = 'Pushed';
            SELECT approved_at FROM billing_ledger WHERE seller_id = $seller_id AND stripe_invoice_id = $invoice;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$currency", currency);
        command.Parameters.AddWithValue("$invoice", invoiceId);
        var months = new SortedSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                months.Add(DataPlaneTime.FromUnixMicroseconds(reader.GetInt64(0), 0).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. months];
    }

    public async Task<int> MarkPaidAsync(string sellerId, string invoiceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE billing_ledger SET state = 'Paid' WHERE seller_id = $seller_id AND stripe_invoice_id = $invoice AND state = 'Invoiced';";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$invoice", invoiceId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static void AddRange(SqliteCommand command, string sellerId, DateTimeOffset from, DateTimeOffset until)
    {
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$from", DataPlaneTime.ToUnixMicroseconds(from));
        command.Parameters.AddWithValue("$until", DataPlaneTime.ToUnixMicroseconds(until));
    }

    private static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), DataPlaneTime.FromUnixMicroseconds(r.GetInt64(7), 0), r.GetString(8),
                SqliteDataPlaneRows.ParseDecimal(r.GetString(9)), r.GetInt32(10),
                r.IsDBNull(11) ? null : SqliteDataPlaneRows.ParseDecimal(r.GetString(11)), SqliteDataPlaneRows.ParseDecimal(r.GetString(12)),
                SqliteDataPlaneRows.ParseDecimal(r.GetString(13)), DataPlaneTime.FromUnixMicroseconds(r.GetInt64(14), 0), r.GetString(15),
                r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17)));
        }

        return entries;
    }
}
