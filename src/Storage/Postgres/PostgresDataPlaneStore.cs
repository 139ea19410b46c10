using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Postgres;

/// <summary>
/// The data plane in PostgreSQL (migration 0005_data_plane). Each write is one transaction: the range's old rows are
/// deleted and the new ones streamed in with binary COPY, so a failure anywhere leaves the previous rows intact.
/// </summary>
public sealed partial class PostgresDataPlaneStore(NpgsqlDataSource dataSource) : IDataPlaneStore
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public Task<int> ReplaceLedgerAsync(string sellerId, DateOnly firstDay, DateOnly lastDay, IAsyncEnumerable<IReadOnlyList<LedgerEvent>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireLedgerRows(sellerId, firstDay, lastDay, batch));
        return ReplaceAsync(
            DataPlaneTables.Ledger, sellerId, "date BETWEEN $2 AND $3",
            new NpgsqlParameter<DateOnly> { TypedValue = firstDay, NpgsqlDbType = NpgsqlDbType.Date },
            new NpgsqlParameter<DateOnly> { TypedValue = lastDay, NpgsqlDbType = NpgsqlDbType.Date },
            rows, PostgresDataPlaneRows.Write, cancellationToken);
    }

    public Task<int> ReplaceReimbursementsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<ReimbursementRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.ApprovalDate, nameof(ReimbursementRow.ApprovalDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.Reimbursements, sellerId, rangeStart, rangeEnd, rows, PostgresDataPlaneRows.Write, cancellationToken);
    }

    public Task<int> ReplaceCustomerReturnsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<CustomerReturnRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.ReturnDate, nameof(CustomerReturnRow.ReturnDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.CustomerReturns, sellerId, rangeStart, rangeEnd, rows, PostgresDataPlaneRows.Write, cancellationToken);
    }

    public Task<int> ReplaceRemovalOrdersAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<RemovalOrderRow>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, batch, r => r.RequestDate, nameof(RemovalOrderRow.RequestDate)));
        return ReplaceInstantRangeAsync(DataPlaneTables.RemovalOrders, sellerId, rangeStart, rangeEnd, rows, PostgresDataPlaneRows.Write, cancellationToken);
    }

    public Task<int> ReplaceRefundsAsync(string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IReadOnlyList<RefundItem> rows, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireRows(sellerId, rangeStart, rangeEnd, rows, r => r.PostedDate, nameof(RefundItem.PostedDate));
        return ReplaceInstantRangeAsync(DataPlaneTables.Refunds, sellerId, rangeStart, rangeEnd, DataPlaneRanges.One(rows), PostgresDataPlaneRows.Write, cancellationToken);
    }

    /// <returns>The number of shipment items inserted.</returns>
    public async Task<int> UpsertInboundShipmentsAsync(string sellerId, IReadOnlyList<InboundShipment> shipments, IReadOnlyList<InboundShipmentItem> items, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireInbound(sellerId, shipments, items);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One statement for all shipments: the columns travel as arrays and unnest() turns them back into rows.
        await using (var upsert = new NpgsqlCommand(
            """
            INSERT INTO inbound_shipments (seller_id, shipment_id, shipment_name, shipment_status, destination_fulfillment_center_id)
            SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
            ON CONFLICT (seller_id, shipment_id) DO UPDATE SET
                shipment_name = excluded.shipment_name,
                shipment_status = excluded.shipment_status,
                destination_fulfillment_center_id = excluded.destination_fulfillment_center_id
            """,
            connection,
            transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
            upsert.Parameters.Add(TextArray(shipments.Select(s => s.ShipmentId)));
            upsert.Parameters.Add(TextArray(shipments.Select(s => s.ShipmentName)));
            upsert.Parameters.Add(TextArray(shipments.Select(s => s.ShipmentStatus)));
            upsert.Parameters.Add(TextArray(shipments.Select(s => s.DestinationFulfillmentCenterId)));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM inbound_shipment_items WHERE seller_id = $1 AND shipment_id = ANY($2)", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
            delete.Parameters.Add(TextArray(shipments.Select(s => s.ShipmentId)));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var inserted = await CopyAsync(connection, DataPlaneTables.InboundShipmentItems, sellerId, DataPlaneRanges.One(items), PostgresDataPlaneRows.Write, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public Task<int> ReplaceCostCatalogAsync(string sellerId, IAsyncEnumerable<IReadOnlyList<CostCatalogEntry>> batches, CancellationToken cancellationToken)
    {
        var rows = DataPlaneRanges.Checked(batches, batch => { DataPlaneRanges.RequireSeller(sellerId); ArgumentNullException.ThrowIfNull(batch); });
        // Every effective date: the upload is the whole catalog.
        return ReplaceAsync(
            DataPlaneTables.CostCatalog, sellerId, "effective_date BETWEEN $2 AND $3",
            new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.MinValue, NpgsqlDbType = NpgsqlDbType.Date },
            new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.MaxValue, NpgsqlDbType = NpgsqlDbType.Date },
            rows, PostgresDataPlaneRows.Write, cancellationToken);
    }

    public Task<IReadOnlyList<CostCatalogEntry>> ReadCostCatalogAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.CostCatalog, sellerId, PostgresDataPlaneRows.ReadCost, cancellationToken);

    public async Task ArchiveDocumentAsync(string sellerId, ArchivedDocument document, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        ArgumentNullException.ThrowIfNull(document);
        // The id is the fetch's own: archiving it again (a retried sync) keeps the first copy.
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO archived_documents (seller_id, id, source, fetched_at, fetched_at_offset, request, content_type, gzip_content)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (seller_id, id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Source });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = document.FetchedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = DataPlaneTime.OffsetMinutes(document.FetchedAt) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Request });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)document.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = document.GzipContent, NpgsqlDbType = NpgsqlDbType.Bytea });
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
        await using var command = _dataSource.CreateCommand(
            "SELECT " + string.Join(", ", sources.Select(s => $"(SELECT count(*) FROM {s.Table.Name} WHERE seller_id = $1)")));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var counts = new Dictionary<DataSource, long>(sources.Length);
        for (var i = 0; i < sources.Length; i++)
            counts[sources[i].Source] = reader.GetInt64(i);
        return counts;
    }

    public Task<IReadOnlyList<LedgerEvent>> ReadLedgerAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Ledger, sellerId, PostgresDataPlaneRows.ReadLedger, cancellationToken);

    public Task<IReadOnlyList<LedgerEvent>> ReadLedgerEventsAsync(string sellerId, IReadOnlyCollection<string> eventTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        return ReadAsync(DataPlaneTables.Ledger, sellerId, PostgresDataPlaneRows.ReadLedger, cancellationToken, ("event_type", eventTypes));
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadLedgerFnskuByMskuAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        // Ranked in SQL, so a million-row ledger sends one row per MSKU, not a million.
        await using var command = _dataSource.CreateCommand(
            $"SELECT DISTINCT ON (msku) msku, fnsku FROM {DataPlaneTables.Ledger.Name} WHERE seller_id = $1 ORDER BY msku, date, id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        var fnskus = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            fnskus[reader.GetString(0)] = reader.GetString(1);
        return fnskus;
    }

    public Task<IReadOnlyList<ReimbursementRow>> ReadReimbursementsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Reimbursements, sellerId, PostgresDataPlaneRows.ReadReimbursement, cancellationToken);

    public Task<IReadOnlyList<CustomerReturnRow>> ReadCustomerReturnsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.CustomerReturns, sellerId, PostgresDataPlaneRows.ReadCustomerReturn, cancellationToken);

    public Task<IReadOnlyList<RemovalOrderRow>> ReadRemovalOrdersAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.RemovalOrders, sellerId, PostgresDataPlaneRows.ReadRemovalOrder, cancellationToken);

    public Task<IReadOnlyList<InboundShipment>> ReadInboundShipmentsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.InboundShipments, sellerId, PostgresDataPlaneRows.ReadInboundShipment, cancellationToken);

    public Task<IReadOnlyList<InboundShipmentItem>> ReadInboundShipmentItemsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.InboundShipmentItems, sellerId, PostgresDataPlaneRows.ReadInboundShipmentItem, cancellationToken);

    public Task<IReadOnlyList<RefundItem>> ReadRefundsAsync(string sellerId, CancellationToken cancellationToken) =>
        ReadAsync(DataPlaneTables.Refunds, sellerId, PostgresDataPlaneRows.ReadRefund, cancellationToken);

    public async Task<IReadOnlyList<ArchivedDocumentInfo>> ListArchivedDocumentsAsync(string sellerId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var command = _dataSource.CreateCommand(
            """
            SELECT id, source, fetched_at, fetched_at_offset, request, content_type, octet_length(gzip_content)
            FROM archived_documents WHERE seller_id = $1
            ORDER BY fetched_at DESC, id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        var documents = new List<ArchivedDocumentInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new ArchivedDocumentInfo(
                reader.GetString(0),
                reader.GetString(1),
                PostgresDataPlaneRows.ReadInstant(reader, 2),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6)));
        }

        return documents;
    }

    private Task<int> ReplaceInstantRangeAsync<T>(
        DataPlaneTable table, string sellerId, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, IAsyncEnumerable<IReadOnlyList<T>> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        ReplaceAsync(
            table, sellerId, $"{table.RangeColumn} >= $2 AND {table.RangeColumn} < $3",
            new NpgsqlParameter<DateTime> { TypedValue = rangeStart.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<DateTime> { TypedValue = DataPlaneTime.RangeEnd(rangeEnd).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            rows, write, cancellationToken);

    private async Task<int> ReplaceAsync<T>(
        DataPlaneTable table, string sellerId, string rangeCondition, NpgsqlParameter from, NpgsqlParameter to, IAsyncEnumerable<IReadOnlyList<T>> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // Disposing without commit rolls back: the delete and a COPY cut short by a failure vanish together.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand($"DELETE FROM {table.Name} WHERE seller_id = $1 AND {rangeCondition}", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
            delete.Parameters.Add(from);
            delete.Parameters.Add(to);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var inserted = await CopyAsync(connection, table, sellerId, rows, write, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Streams the batches in with one binary COPY on the connection's open transaction, started at the first row (a
    /// COPY cannot share its connection, so the batches must not come from this one).
    /// </summary>
    private static async Task<int> CopyAsync<T>(
        NpgsqlConnection connection, DataPlaneTable table, string sellerId, IAsyncEnumerable<IReadOnlyList<T>> batches,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        NpgsqlBinaryImporter? importer = null;
        try
        {
            await foreach (var rows in batches.WithCancellation(cancellationToken))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    importer ??= await connection.BeginBinaryImportAsync(
                        $"COPY {table.Name} (seller_id, {table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(sellerId, NpgsqlDbType.Text, cancellationToken);
                    await write(importer, rows[i], cancellationToken);
                }
            }

            return importer is null ? 0 : checked((int)await importer.CompleteAsync(cancellationToken));
        }
        finally
        {
            // Disposed without CompleteAsync, the COPY is cancelled and the transaction rolls it back.
            if (importer is not null)
                await importer.DisposeAsync();
        }
    }

    /// <param name="only">When given, only the rows whose column holds one of the values.</param>
    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        DataPlaneTable table, string sellerId, Func<NpgsqlDataReader, RowStrings, T> read, CancellationToken cancellationToken,
        (string Column, IReadOnlyCollection<string> Values)? only = null)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        // id is the insertion order (inbound_shipments has none and needs none: its range column is its key).
        var tieBreak = table == DataPlaneTables.InboundShipments ? "" : ", id";
        var filter = only is { Column: var column } ? $" AND {column} = ANY($2)" : "";
        await using var command = _dataSource.CreateCommand(
            $"SELECT {table.ColumnList} FROM {table.Name} WHERE seller_id = $1{filter} ORDER BY {table.RangeColumn}{tieBreak}");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        if (only is { Values: var values })
            command.Parameters.Add(TextArray(values));
        var rows = new List<T>();
        var strings = new RowStrings();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader, strings));
        return rows;
    }

    private static NpgsqlParameter<string[]> TextArray(IEnumerable<string> values) =>
        new() { TypedValue = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
