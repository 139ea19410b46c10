using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>
/// The data plane in the embedded SQLite file (schema version 2). Each write is one immediate transaction: the
/// range's old rows are deleted and the new ones inserted through one prepared statement re-bound per row
/// (<see cref="SqliteRowWriter"/>), so a failure anywhere leaves the seller's previous rows as they were.
/// </summary>
public sealed partial class SqliteDataPlaneStore(SqliteDatabase database) : IDataPlaneStore
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public Task<int> ReplaceLedgerAsync(string sellerId, DateOnly firstDay, DateOnly lastDay, IAsyncEnumerable<IReadOnlyList<LedgerEvent>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireLedgerRows(sellerId, firstDay, lastDay, batch));
        return ReplaceAsync(DataPlaneTables.Ledger, sellerId, "date BETWEEN $from AND $to", SqliteDataPlaneRows.ToDay(firstDay), SqliteDataPlaneRows.ToDay(lastDay), rows, SqliteDataPlaneRows.Bind, cancellationToken);
    }

    public Task<int> ReplaceReimbursementsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<ReimbursementRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.ApprovalDate, nameof(ReimbursementRow.ApprovalDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.Reimbursements, sellerId, rangeStart, rangeEnd, rows, SqliteDataPlaneRows.Bind, cancellationToken);
    }

    public Task<int> ReplaceCustomerReturnsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<CustomerReturnRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.ReturnDate, nameof(CustomerReturnRow.ReturnDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.CustomerReturns, sellerId, rangeStart, rangeEnd, rows, SqliteDataPlaneRows.Bind, cancellationToken);
    }

    public Task<int> ReplaceRemovalOrdersAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<RemovalOrderRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.RequestDate, nameof(RemovalOrderRow.RequestDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.RemovalOrders, sellerId, rangeStart, rangeEnd, rows, SqliteDataPlaneRows.Bind, cancellationToken);
    }

    public Task<int> ReplaceRefundsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<RefundItem> rows, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, rows, r => r.PostedDate, nameof(RefundItem.PostedDate));
        return ReplaceInstantRangeAsync(DataPlaneTables.Refunds, sellerId, rangeStart, rangeEnd, DataPlaneRanges.One(rows), SqliteDataPlaneRows.Bind, cancellationToken);
    }

    /// <returns>The number of shipment items inserted.</returns>
    public async Task<int> UpsertInboundShipmentsAsync(string sellerId, IReadOnlyList<InboundShipment> shipments, IReadOnlyList<InboundShipmentItem> items, CancellationToken cancellationToken)
    {
        var shipmentIds = DataPlaneRanges.RequireInbound(sellerId, shipments, items);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        using (var upsert = new SqliteRowWriter(
            connection, InsertInto(DataPlaneTables.InboundShipments), DataPlaneTables.InboundShipments.Columns.Length, sellerId,
            """
            ON CONFLICT (seller_id, shipment_id) DO UPDATE SET
                shipment_name = excluded.shipment_name,
                shipment_status = excluded.shipment_status,
                destination_fulfillment_center_id = excluded.destination_fulfillment_center_id
            """))
        {
            upsert.InsertAll(shipments, SqliteDataPlaneRows.Bind, cancellationToken);
        }

        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {DataPlaneTables.InboundShipmentItems.Name} WHERE seller_id = $seller_id AND shipment_id = $shipment_id;";
            delete.Parameters.AddWithValue("$seller_id", sellerId);
            var shipmentId = delete.Parameters.AddWithValue("$shipment_id", "");
            foreach (var id in shipmentIds)
            {
                shipmentId.Value = id;
                delete.ExecuteNonQuery();
            }
        }

        using var writer = new SqliteRowWriter(connection, InsertInto(DataPlaneTables.InboundShipmentItems), DataPlaneTables.InboundShipmentItems.Columns.Length, sellerId);
        var inserted = writer.InsertAll(items, SqliteDataPlaneRows.Bind, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public Task<int> ReplaceCostCatalogAsync(string sellerId, IAsyncEnumerable<IReadOnlyList<CostCatalogEntry>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => { DataPlaneRanges.RequireSeller(sellerId); ArgumentNullException.ThrowIfNull(batch); });
        // Every effective date: the upload is the whole catalog.
        return ReplaceAsync(DataPlaneTables.CostCatalog, sellerId, "effective_date BETWEEN $from AND $to",
            SqliteDataPlaneRows.ToDay(DateOnly.MinValue), SqliteDataPlaneRows.ToDay(DateOnly.MaxValue), rows, SqliteDataPlaneRows.Bind, cancellationToken);
    }

    public Task<IReadOnlyList<CostCatalogEntry>> ReadCostCatalogAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.CostCatalog, sellerId, SqliteDataPlaneRows.ReadCost, cancellationToken);

    public async Task ArchiveDocumentAsync(string sellerId, ArchivedDocument document, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(document);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The id is the fetch's own: archiving it again (a retried sync) keeps the first copy.
        command.CommandText = """
            INSERT INTO archived_documents (seller_id, id, source, fetched_at, fetched_at_offset, request, content_type, gzip_content)
            VALUES ($seller_id, $id, $source, $fetched_at, $fetched_at_offset, $request, $content_type, $gzip_content)
            ON CONFLICT (seller_id, id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$source", document.Source);
        command.Parameters.AddWithValue("$fetched_at", DataPlaneTime.ToUnixMicroseconds(document.FetchedAt));
        command.Parameters.AddWithValue("$fetched_at_offset", DataPlaneTime.OffsetMinutes(document.FetchedAt));
        command.Parameters.AddWithValue("$request", document.Request);
        command.Parameters.AddWithValue("$content_type", (object?)document.ContentType ?? DBNull.Value);
        command.Parameters.Add("$gzip_content", SqliteType.Blob).Value = document.GzipContent;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<DataSource, long>> CountAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        (DataSource Source, DataPlaneTable Table)[] sources =
        [
            (DataSource.Ledger, DataPlaneTables.Ledger),
            (DataSource.Reimbursements, DataPlaneTables.Reimbursements),
            (DataSource.CustomerReturns, DataPlaneTables.CustomerReturns),
            (DataSource.RemovalOrders, DataPlaneTables.RemovalOrders),
            (DataSource.InboundShipments, DataPlaneTables.InboundShipmentItems),
            (DataSource.Refunds, DataPlaneTables.Refunds),
        ];
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", sources.Select(s => $"(SELECT count(*) FROM {s.Table.Name} WHERE seller_id = $seller_id)")) + ";";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var counts = new Dictionary<DataSource, long>(sources.Length);
        for (var i = 0; i < sources.Length; i++)
            counts[sources[i].Source] = reader.GetInt64(i);
        return counts;
    }

    public Task<IReadOnlyList<LedgerEvent>> ReadLedgerAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Ledger, sellerId, SqliteDataPlaneRows.ReadLedger, cancellationToken);

    public Task<IReadOnlyList<LedgerEvent>> ReadLedgerEventsAsync(string sellerId, IReadOnlyCollection<string> eventTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        return ReadAsync(DataPlaneTables.Ledger, sellerId, SqliteDataPlaneRows.ReadLedger, cancellationToken, ("event_type", eventTypes));
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadLedgerFnskuByMskuAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Ranked in SQL, so a million-row ledger sends one row per MSKU, not a million.
        command.CommandText = $"""
            SELECT msku, fnsku FROM (
                SELECT msku, fnsku, row_number() OVER (PARTITION BY msku ORDER BY date, rowid) AS n
                FROM {DataPlaneTables.Ledger.Name} WHERE seller_id = $seller_id)
            WHERE n = 1;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var fnskus = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
            fnskus[reader.GetString(0)] = reader.GetString(1);
        return fnskus;
    }

    public Task<IReadOnlyList<ReimbursementRow>> ReadReimbursementsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Reimbursements, sellerId, SqliteDataPlaneRows.ReadReimbursement, cancellationToken);

    public Task<IReadOnlyList<CustomerReturnRow>> ReadCustomerReturnsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.CustomerReturns, sellerId, SqliteDataPlaneRows.ReadCustomerReturn, cancellationToken);

    public Task<IReadOnlyList<RemovalOrderRow>> ReadRemovalOrdersAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.RemovalOrders, sellerId, SqliteDataPlaneRows.ReadRemovalOrder, cancellationToken);

    public Task<IReadOnlyList<InboundShipment>> ReadInboundShipmentsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.InboundShipments, sellerId, SqliteDataPlaneRows.ReadInboundShipment, cancellationToken);

    public Task<IReadOnlyList<InboundShipmentItem>> ReadInboundShipmentItemsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.InboundShipmentItems, sellerId, SqliteDataPlaneRows.ReadInboundShipmentItem, cancellationToken);

    public Task<IReadOnlyList<RefundItem>> ReadRefundsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Refunds, sellerId, SqliteDataPlaneRows.ReadRefund, cancellationToken);

    public async Task<IReadOnlyList<ArchivedDocumentInfo>> ListArchivedDocumentsAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, source, fetched_at, fetched_at_offset, request, content_type, length(gzip_content)
            FROM archived_documents WHERE seller_id = $seller_id
            ORDER BY fetched_at DESC, id;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var documents = new List<ArchivedDocumentInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new ArchivedDocumentInfo(
                reader.GetString(0),
                reader.GetString(1),
                DataPlaneTime.FromUnixMicroseconds(reader.GetInt64(2), reader.GetInt64(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6)));
        }

        return documents;
    }

    private Task<int> ReplaceInstantRangeAsync<T>(
        DataPlaneTable table, string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<T>> rows,
        Action<SqliteRowWriter, T> bind, CancellationToken cancellationToken) =>
        ReplaceAsync(
            table, sellerId, $"{table.RangeColumn} >= $from AND {table.RangeColumn} < $to",
            DataPlaneTime.ToUnixMicroseconds(rangeStart), DataPlaneTime.ToUnixMicroseconds(DataPlaneTime.RangeEnd(rangeEnd)), rows, bind, cancellationToken);

    private async Task<int> ReplaceAsync<T>(
        DataPlaneTable table, string sellerId, string rangeCondition, long from, long to, IAsyncEnumerable<IReadOnlyList<T>> rows,
        Action<SqliteRowWriter, T> bind, CancellationToken cancellationToken)
    {
        await using var bulk = await _database.OpenBulkWriteConnectionAsync(cancellationToken);
        var connection = bulk.Connection;
        // Immediate: take the write lock before reading anything, so two writers queue instead of deadlocking
        // on a lock upgrade. Disposing without commit rolls everything back.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table.Name} WHERE seller_id = $seller_id AND {rangeCondition};";
            delete.Parameters.AddWithValue("$seller_id", sellerId);
            delete.Parameters.AddWithValue("$from", from);
            delete.Parameters.AddWithValue("$to", to);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // Each batch is inserted synchronously (SQLite has no asynchronous I/O, and a Task per row would only cost);
        // between batches the next one is read, inside the transaction.
        var inserted = 0;
        using (var writer = new SqliteRowWriter(connection, InsertInto(table), table.Columns.Length, sellerId))
        {
            await foreach (var batch in rows.WithCancellation(cancellationToken))
                inserted += writer.InsertAll(batch, bind, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <param name="only">When given, only the rows whose column holds one of the values.</param>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        DataPlaneTable table, string sellerId, Func<SqliteDataReader, RowStrings, T> read, CancellationToken cancellationToken,
        (string Column, IReadOnlyCollection<string> Values)? only = null)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var filter = "";
        if (only is { Column: var column, Values: var values })
        {
            var names = values.Select((value, i) => command.Parameters.AddWithValue($"$only{i}", value).ParameterName).ToList();
            filter = names.Count == 0 ? " AND FALSE" : $" AND {column} IN ({string.Join(", ", names)})";
        }
        // rowid is the insertion order (inbound_shipments has none and needs none: its range column is its key).
        var tieBreak = table == DataPlaneTables.InboundShipments ? "" : ", rowid";
        command.CommandText = $"SELECT {table.ColumnList} FROM {table.Name} WHERE seller_id = $seller_id{filter} ORDER BY {table.RangeColumn}{tieBreak};";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        var rows = new List<T>();
        var strings = new RowStrings();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (reader.Read())
            rows.Add(read(reader, strings));
        return rows;
    }

    private static string InsertInto(DataPlaneTable table) => $"INSERT INTO {table.Name} (seller_id, {table.ColumnList})";
}
