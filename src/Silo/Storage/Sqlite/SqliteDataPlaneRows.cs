using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Rows;
using Opside.Silo.Storage.DataPlane;

namespace Opside.Silo.Storage.Sqlite;

/// <summary>
/// How each data-plane row maps to its SQLite columns (<see cref="DataPlaneTables"/> order). Binding writes into
/// parameters created once per batch, so a bulk insert re-binds values instead of building a command per row.
/// </summary>
internal static class SqliteDataPlaneRows
{
    public static void Bind(SqliteParameter[] p, LedgerEvent row)
    {
        p[0].Value = ToDay(row.Date);
        p[1].Value = Text(row.Fnsku);
        p[2].Value = Text(row.Asin);
        p[3].Value = Text(row.Msku);
        p[4].Value = Text(row.Title);
        p[5].Value = Text(row.EventType);
        p[6].Value = Text(row.ReferenceId);
        p[7].Value = row.Quantity;
        p[8].Value = Text(row.FulfillmentCenter);
        p[9].Value = Text(row.Disposition);
        p[10].Value = Text(row.Reason);
        p[11].Value = Text(row.Country);
        p[12].Value = Nullable(row.ReconciledQuantity);
        p[13].Value = Nullable(row.UnreconciledQuantity);
        p[14].Value = row.DateAndTime is { } dateAndTime ? DataPlaneTime.ToUnixMicroseconds(dateAndTime) : DBNull.Value;
        p[15].Value = row.DateAndTime is { } offset ? DataPlaneTime.OffsetMinutes(offset) : DBNull.Value;
        p[16].Value = Text(row.Store);
    }

    public static LedgerEvent ReadLedger(SqliteDataReader r) => new(
        FromDay(r.GetInt32(0)),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetInt32(7),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.GetString(11),
        r.IsDBNull(12) ? null : r.GetInt32(12),
        r.IsDBNull(13) ? null : r.GetInt32(13),
        r.IsDBNull(14) ? null : DataPlaneTime.FromUnixMicroseconds(r.GetInt64(14), r.GetInt64(15)),
        r.GetString(16));

    public static void Bind(SqliteParameter[] p, ReimbursementRow row)
    {
        p[0].Value = DataPlaneTime.ToUnixMicroseconds(row.ApprovalDate);
        p[1].Value = DataPlaneTime.OffsetMinutes(row.ApprovalDate);
        p[2].Value = Text(row.ReimbursementId);
        p[3].Value = Text(row.CaseId);
        p[4].Value = Text(row.AmazonOrderId);
        p[5].Value = Text(row.Reason);
        p[6].Value = Text(row.Sku);
        p[7].Value = Text(row.Fnsku);
        p[8].Value = Text(row.Asin);
        p[9].Value = Text(row.ProductName);
        p[10].Value = Text(row.Condition);
        p[11].Value = Text(row.Currency);
        p[12].Value = ToText(row.AmountPerUnit);
        p[13].Value = ToText(row.AmountTotal);
        p[14].Value = row.QuantityReimbursedCash;
        p[15].Value = row.QuantityReimbursedInventory;
        p[16].Value = row.QuantityReimbursedTotal;
        p[17].Value = Text(row.OriginalReimbursementId);
        p[18].Value = Text(row.OriginalReimbursementType);
    }

    public static ReimbursementRow ReadReimbursement(SqliteDataReader r) => new(
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(0), r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.GetString(11),
        ParseDecimal(r.GetString(12)),
        ParseDecimal(r.GetString(13)),
        r.GetInt32(14),
        r.GetInt32(15),
        r.GetInt32(16),
        r.GetString(17),
        r.GetString(18));

    public static void Bind(SqliteParameter[] p, CustomerReturnRow row)
    {
        p[0].Value = DataPlaneTime.ToUnixMicroseconds(row.ReturnDate);
        p[1].Value = DataPlaneTime.OffsetMinutes(row.ReturnDate);
        p[2].Value = Text(row.OrderId);
        p[3].Value = Text(row.Sku);
        p[4].Value = Text(row.Asin);
        p[5].Value = Text(row.Fnsku);
        p[6].Value = Text(row.ProductName);
        p[7].Value = row.Quantity;
        p[8].Value = Text(row.FulfillmentCenterId);
        p[9].Value = Text(row.DetailedDisposition);
        p[10].Value = Text(row.Reason);
        p[11].Value = Text(row.Status);
        p[12].Value = Text(row.LicensePlateNumber);
        p[13].Value = Text(row.CustomerComments);
    }

    public static CustomerReturnRow ReadCustomerReturn(SqliteDataReader r) => new(
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(0), r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetInt32(7),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.GetString(11),
        r.GetString(12),
        r.GetString(13));

    public static void Bind(SqliteParameter[] p, RemovalOrderRow row)
    {
        p[0].Value = DataPlaneTime.ToUnixMicroseconds(row.RequestDate);
        p[1].Value = DataPlaneTime.OffsetMinutes(row.RequestDate);
        p[2].Value = Text(row.OrderId);
        p[3].Value = Text(row.OrderType);
        p[4].Value = Text(row.ServiceSpeed);
        p[5].Value = Text(row.OrderStatus);
        p[6].Value = DataPlaneTime.ToUnixMicroseconds(row.LastUpdatedDate);
        p[7].Value = DataPlaneTime.OffsetMinutes(row.LastUpdatedDate);
        p[8].Value = Text(row.Sku);
        p[9].Value = Text(row.Fnsku);
        p[10].Value = Text(row.Disposition);
        p[11].Value = row.RequestedQuantity;
        p[12].Value = row.CancelledQuantity;
        p[13].Value = row.DisposedQuantity;
        p[14].Value = row.ShippedQuantity;
        p[15].Value = row.InProcessQuantity;
        p[16].Value = row.RemovalFee is { } fee ? ToText(fee) : DBNull.Value;
        p[17].Value = Text(row.Currency);
    }

    public static RemovalOrderRow ReadRemovalOrder(SqliteDataReader r) => new(
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(0), r.GetInt64(1)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(6), r.GetInt64(7)),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10),
        r.GetInt32(11),
        r.GetInt32(12),
        r.GetInt32(13),
        r.GetInt32(14),
        r.GetInt32(15),
        r.IsDBNull(16) ? null : ParseDecimal(r.GetString(16)),
        r.GetString(17));

    public static void Bind(SqliteParameter[] p, RefundItem row)
    {
        p[0].Value = Text(row.AmazonOrderId);
        p[1].Value = DataPlaneTime.ToUnixMicroseconds(row.PostedDate);
        p[2].Value = DataPlaneTime.OffsetMinutes(row.PostedDate);
        p[3].Value = Text(row.MarketplaceName);
        p[4].Value = Text(row.SellerSku);
        p[5].Value = Text(row.OrderAdjustmentItemId);
        p[6].Value = row.QuantityShipped;
        p[7].Value = ToText(row.Principal);
        p[8].Value = Text(row.Currency);
    }

    public static RefundItem ReadRefund(SqliteDataReader r) => new(
        r.GetString(0),
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(1), r.GetInt64(2)),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetInt32(6),
        ParseDecimal(r.GetString(7)),
        r.GetString(8));

    public static void Bind(SqliteParameter[] p, InboundShipment row)
    {
        p[0].Value = Text(row.ShipmentId);
        p[1].Value = Text(row.ShipmentName);
        p[2].Value = Text(row.ShipmentStatus);
        p[3].Value = Text(row.DestinationFulfillmentCenterId);
    }

    public static InboundShipment ReadInboundShipment(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    public static void Bind(SqliteParameter[] p, InboundShipmentItem row)
    {
        p[0].Value = Text(row.ShipmentId);
        p[1].Value = Text(row.SellerSku);
        p[2].Value = Text(row.FulfillmentNetworkSku);
        p[3].Value = row.QuantityShipped;
        p[4].Value = row.QuantityReceived;
        p[5].Value = Nullable(row.QuantityInCase);
    }

    public static InboundShipmentItem ReadInboundShipmentItem(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetInt32(5));

    /// <summary>A date as the integer yyyymmdd: it sorts and compares as the date does, and binds without a string.</summary>
    public static int ToDay(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static DateOnly FromDay(int day) => new(day / 10000, day / 100 % 100, day % 100);

    // A null in a non-nullable column is a caller's bug; handing SQLite NULL lets its NOT NULL constraint refuse the
    // whole batch (Microsoft.Data.Sqlite would otherwise refuse a null Value with an unrelated message).
    private static object Text(string? value) => (object?)value ?? DBNull.Value;

    private static object Nullable(int? value) => value is { } v ? v : DBNull.Value;

    private static string ToText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
