using Npgsql;
using NpgsqlTypes;
using Opside.DataPlane.Rows;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Postgres;

/// <summary>
/// How each data-plane row maps to its PostgreSQL columns (<see cref="DataPlaneTables"/> order): written through
/// binary COPY, read back by ordinal. Every value is written with its exact PostgreSQL type, which binary COPY needs.
/// </summary>
internal static class PostgresDataPlaneRows
{
    public static async Task Write(NpgsqlBinaryImporter w, LedgerEvent row, CancellationToken ct)
    {
        await w.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
        await Text(w, row.Fnsku, ct);
        await Text(w, row.Asin, ct);
        await Text(w, row.Msku, ct);
        await Text(w, row.Title, ct);
        await Text(w, row.EventType, ct);
        await Text(w, row.ReferenceId, ct);
        await w.WriteAsync(row.Quantity, NpgsqlDbType.Integer, ct);
        await Text(w, row.FulfillmentCenter, ct);
        await Text(w, row.Disposition, ct);
        await Text(w, row.Reason, ct);
        await Text(w, row.Country, ct);
        await Integer(w, row.ReconciledQuantity, ct);
        await Integer(w, row.UnreconciledQuantity, ct);
        if (row.DateAndTime is { } dateAndTime)
        {
            await Instant(w, dateAndTime, ct);
        }
        else
        {
            await w.WriteNullAsync(ct);
            await w.WriteNullAsync(ct);
        }

        await Text(w, row.Store, ct);
    }

    public static LedgerEvent ReadLedger(NpgsqlDataReader r, RowStrings s) => new(
        r.GetFieldValue<DateOnly>(0),
        s.Pooled(r.GetString(1)),
        s.Pooled(r.GetString(2)),
        s.Pooled(r.GetString(3)),
        s.Pooled(r.GetString(4)),
        s.Pooled(r.GetString(5)),
        r.GetString(6),
        r.GetInt32(7),
        s.Pooled(r.GetString(8)),
        s.Pooled(r.GetString(9)),
        s.Pooled(r.GetString(10)),
        s.Pooled(r.GetString(11)),
        r.IsDBNull(12) ? null : r.GetInt32(12),
        r.IsDBNull(13) ? null : r.GetInt32(13),
        r.IsDBNull(14) ? null : ReadInstant(r, 14),
        s.Pooled(r.GetString(16)));

    public static async Task Write(NpgsqlBinaryImporter w, ReimbursementRow row, CancellationToken ct)
    {
        await Instant(w, row.ApprovalDate, ct);
        await Text(w, row.ReimbursementId, ct);
        await Text(w, row.CaseId, ct);
        await Text(w, row.AmazonOrderId, ct);
        await Text(w, row.Reason, ct);
        await Text(w, row.Sku, ct);
        await Text(w, row.Fnsku, ct);
        await Text(w, row.Asin, ct);
        await Text(w, row.ProductName, ct);
        await Text(w, row.Condition, ct);
        await Text(w, row.Currency, ct);
        await w.WriteAsync(row.AmountPerUnit, NpgsqlDbType.Numeric, ct);
        await w.WriteAsync(row.AmountTotal, NpgsqlDbType.Numeric, ct);
        await w.WriteAsync(row.QuantityReimbursedCash, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.QuantityReimbursedInventory, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.QuantityReimbursedTotal, NpgsqlDbType.Integer, ct);
        await Text(w, row.OriginalReimbursementId, ct);
        await Text(w, row.OriginalReimbursementType, ct);
    }

    public static ReimbursementRow ReadReimbursement(NpgsqlDataReader r, RowStrings s) => new(
        ReadInstant(r, 0),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        s.Pooled(r.GetString(5)),
        s.Pooled(r.GetString(6)),
        s.Pooled(r.GetString(7)),
        s.Pooled(r.GetString(8)),
        s.Pooled(r.GetString(9)),
        s.Pooled(r.GetString(10)),
        s.Pooled(r.GetString(11)),
        r.GetDecimal(12),
        r.GetDecimal(13),
        r.GetInt32(14),
        r.GetInt32(15),
        r.GetInt32(16),
        r.GetString(17),
        s.Pooled(r.GetString(18)));

    public static async Task Write(NpgsqlBinaryImporter w, CustomerReturnRow row, CancellationToken ct)
    {
        await Instant(w, row.ReturnDate, ct);
        await Text(w, row.OrderId, ct);
        await Text(w, row.Sku, ct);
        await Text(w, row.Asin, ct);
        await Text(w, row.Fnsku, ct);
        await Text(w, row.ProductName, ct);
        await w.WriteAsync(row.Quantity, NpgsqlDbType.Integer, ct);
        await Text(w, row.FulfillmentCenterId, ct);
        await Text(w, row.DetailedDisposition, ct);
        await Text(w, row.Reason, ct);
        await Text(w, row.Status, ct);
        await Text(w, row.LicensePlateNumber, ct);
        await Text(w, row.CustomerComments, ct);
    }

    public static CustomerReturnRow ReadCustomerReturn(NpgsqlDataReader r, RowStrings s) => new(
        ReadInstant(r, 0),
        r.GetString(2),
        s.Pooled(r.GetString(3)),
        s.Pooled(r.GetString(4)),
        s.Pooled(r.GetString(5)),
        s.Pooled(r.GetString(6)),
        r.GetInt32(7),
        s.Pooled(r.GetString(8)),
        s.Pooled(r.GetString(9)),
        s.Pooled(r.GetString(10)),
        s.Pooled(r.GetString(11)),
        r.GetString(12),
        r.GetString(13));

    public static async Task Write(NpgsqlBinaryImporter w, RemovalOrderRow row, CancellationToken ct)
    {
        await Instant(w, row.RequestDate, ct);
        await Text(w, row.OrderId, ct);
        await Text(w, row.OrderType, ct);
        await Text(w, row.ServiceSpeed, ct);
        await Text(w, row.OrderStatus, ct);
        await Instant(w, row.LastUpdatedDate, ct);
        await Text(w, row.Sku, ct);
        await Text(w, row.Fnsku, ct);
        await Text(w, row.Disposition, ct);
        await w.WriteAsync(row.RequestedQuantity, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.CancelledQuantity, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.DisposedQuantity, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.ShippedQuantity, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.InProcessQuantity, NpgsqlDbType.Integer, ct);
        if (row.RemovalFee is { } fee)
            await w.WriteAsync(fee, NpgsqlDbType.Numeric, ct);
        else
            await w.WriteNullAsync(ct);
        await Text(w, row.Currency, ct);
    }

    public static RemovalOrderRow ReadRemovalOrder(NpgsqlDataReader r, RowStrings s) => new(
        ReadInstant(r, 0),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        ReadInstant(r, 6),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.GetInt32(11),
        r.GetInt32(12),
        r.GetInt32(13),
        r.GetInt32(14),
        r.GetInt32(15),
        r.IsDBNull(16) ? null : r.GetDecimal(16),
        r.GetString(17));

    public static async Task Write(NpgsqlBinaryImporter w, CostCatalogEntry row, CancellationToken ct)
    {
        await Text(w, row.Sku, ct);
        await w.WriteAsync(row.UnitCost, NpgsqlDbType.Numeric, ct);
        await Text(w, row.Currency, ct);
        await Text(w, row.Source, ct);
        await w.WriteAsync(row.EffectiveDate, NpgsqlDbType.Date, ct);
    }

    public static CostCatalogEntry ReadCost(NpgsqlDataReader r, RowStrings s) =>
        new(r.GetString(0), r.GetDecimal(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4));

    public static async Task Write(NpgsqlBinaryImporter w, RefundItem row, CancellationToken ct)
    {
        await Text(w, row.AmazonOrderId, ct);
        await Instant(w, row.PostedDate, ct);
        await Text(w, row.MarketplaceName, ct);
        await Text(w, row.SellerSku, ct);
        await Text(w, row.OrderAdjustmentItemId, ct);
        await w.WriteAsync(row.QuantityShipped, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.Principal, NpgsqlDbType.Numeric, ct);
        await Text(w, row.Currency, ct);
    }

    public static RefundItem ReadRefund(NpgsqlDataReader r, RowStrings s) => new(
        r.GetString(0),
        ReadInstant(r, 1),
        s.Pooled(r.GetString(3)),
        s.Pooled(r.GetString(4)),
        r.GetString(5),
        r.GetInt32(6),
        r.GetDecimal(7),
        s.Pooled(r.GetString(8)));

    public static InboundShipment ReadInboundShipment(NpgsqlDataReader r, RowStrings s) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    public static async Task Write(NpgsqlBinaryImporter w, InboundShipmentItem row, CancellationToken ct)
    {
        await Text(w, row.ShipmentId, ct);
        await Text(w, row.SellerSku, ct);
        await Text(w, row.FulfillmentNetworkSku, ct);
        await w.WriteAsync(row.QuantityShipped, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(row.QuantityReceived, NpgsqlDbType.Integer, ct);
        await Integer(w, row.QuantityInCase, ct);
    }

    public static InboundShipmentItem ReadInboundShipmentItem(NpgsqlDataReader r, RowStrings s) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetInt32(5));

    /// <summary>A DateTimeOffset read from its timestamptz column at <paramref name="ordinal"/> and its offset column after it.</summary>
    public static DateTimeOffset ReadInstant(NpgsqlDataReader r, int ordinal) =>
        DataPlaneTime.FromUtc(r.GetFieldValue<DateTime>(ordinal), r.GetInt16(ordinal + 1));

    /// <summary>
    /// The instant as UTC (Npgsql writes only offset-zero values to timestamptz) and the offset in the next column.
    /// </summary>
    public static async Task Instant(NpgsqlBinaryImporter w, DateTimeOffset value, CancellationToken ct)
    {
        await w.WriteAsync(value.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(DataPlaneTime.OffsetMinutes(value), NpgsqlDbType.Smallint, ct);
    }

    // A null in a non-nullable column is a caller's bug; writing NULL lets the NOT NULL constraint refuse the COPY.
    private static Task Text(NpgsqlBinaryImporter w, string? value, CancellationToken ct) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static Task Integer(NpgsqlBinaryImporter w, int? value, CancellationToken ct) =>
        value is { } v ? w.WriteAsync(v, NpgsqlDbType.Integer, ct) : w.WriteNullAsync(ct);
}
