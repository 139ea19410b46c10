using System.Globalization;
using Microsoft.Data.Sqlite;
using Opside.DataPlane.Rows;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>
/// How each data-plane row maps to its SQLite columns, bound by their index in <see cref="DataPlaneTables"/> (the
/// seller id is bound once per statement). A null where the record has none is bound as NULL, so the column's
/// NOT NULL constraint refuses the batch.
/// </summary>
internal static class SqliteDataPlaneRows
{
    public static void Bind(SqliteRowWriter w, LedgerEvent row)
    {
        w.Integer(0, ToDay(row.Date));
        w.Text(1, row.Fnsku);
        w.Text(2, row.Asin);
        w.Text(3, row.Msku);
        w.Text(4, row.Title);
        w.Text(5, row.EventType);
        w.Text(6, row.ReferenceId);
        w.Integer(7, row.Quantity);
        w.Text(8, row.FulfillmentCenter);
        w.Text(9, row.Disposition);
        w.Text(10, row.Reason);
        w.Text(11, row.Country);
        w.Integer(12, row.ReconciledQuantity);
        w.Integer(13, row.UnreconciledQuantity);
        if (row.DateAndTime is { } dateAndTime)
        {
            w.Integer(14, DataPlaneTime.ToUnixMicroseconds(dateAndTime));
            w.Integer(15, DataPlaneTime.OffsetMinutes(dateAndTime));
        }
        else
        {
            w.Null(14);
            w.Null(15);
        }

        w.Text(16, row.Store);
    }

    public static LedgerEvent ReadLedger(SqliteDataReader r, RowStrings s) => new(
        FromDay(r.GetInt32(0)),
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
        r.IsDBNull(14) ? null : DataPlaneTime.FromUnixMicroseconds(r.GetInt64(14), r.GetInt64(15)),
        s.Pooled(r.GetString(16)));

    public static void Bind(SqliteRowWriter w, ReimbursementRow row)
    {
        w.Integer(0, DataPlaneTime.ToUnixMicroseconds(row.ApprovalDate));
        w.Integer(1, DataPlaneTime.OffsetMinutes(row.ApprovalDate));
        w.Text(2, row.ReimbursementId);
        w.Text(3, row.CaseId);
        w.Text(4, row.AmazonOrderId);
        w.Text(5, row.Reason);
        w.Text(6, row.Sku);
        w.Text(7, row.Fnsku);
        w.Text(8, row.Asin);
        w.Text(9, row.ProductName);
        w.Text(10, row.Condition);
        w.Text(11, row.Currency);
        w.Decimal(12, row.AmountPerUnit);
        w.Decimal(13, row.AmountTotal);
        w.Integer(14, row.QuantityReimbursedCash);
        w.Integer(15, row.QuantityReimbursedInventory);
        w.Integer(16, row.QuantityReimbursedTotal);
        w.Text(17, row.OriginalReimbursementId);
        w.Text(18, row.OriginalReimbursementType);
    }

    public static ReimbursementRow ReadReimbursement(SqliteDataReader r, RowStrings s) => new(
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(0), r.GetInt64(1)),
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
        ParseDecimal(r.GetString(12)),
        ParseDecimal(r.GetString(13)),
        r.GetInt32(14),
        r.GetInt32(15),
        r.GetInt32(16),
        r.GetString(17),
        s.Pooled(r.GetString(18)));

    public static void Bind(SqliteRowWriter w, CustomerReturnRow row)
    {
        w.Integer(0, DataPlaneTime.ToUnixMicroseconds(row.ReturnDate));
        w.Integer(1, DataPlaneTime.OffsetMinutes(row.ReturnDate));
        w.Text(2, row.OrderId);
        w.Text(3, row.Sku);
        w.Text(4, row.Asin);
        w.Text(5, row.Fnsku);
        w.Text(6, row.ProductName);
        w.Integer(7, row.Quantity);
        w.Text(8, row.FulfillmentCenterId);
        w.Text(9, row.DetailedDisposition);
        w.Text(10, row.Reason);
        w.Text(11, row.Status);
        w.Text(12, row.LicensePlateNumber);
        w.Text(13, row.CustomerComments);
    }

    public static CustomerReturnRow ReadCustomerReturn(SqliteDataReader r, RowStrings s) => new(
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(0), r.GetInt64(1)),
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

    public static void Bind(SqliteRowWriter w, RemovalOrderRow row)
    {
        w.Integer(0, DataPlaneTime.ToUnixMicroseconds(row.RequestDate));
        w.Integer(1, DataPlaneTime.OffsetMinutes(row.RequestDate));
        w.Text(2, row.OrderId);
        w.Text(3, row.OrderType);
        w.Text(4, row.ServiceSpeed);
        w.Text(5, row.OrderStatus);
        w.Integer(6, DataPlaneTime.ToUnixMicroseconds(row.LastUpdatedDate));
        w.Integer(7, DataPlaneTime.OffsetMinutes(row.LastUpdatedDate));
        w.Text(8, row.Sku);
        w.Text(9, row.Fnsku);
        w.Text(10, row.Disposition);
        w.Integer(11, row.RequestedQuantity);
        w.Integer(12, row.CancelledQuantity);
        w.Integer(13, row.DisposedQuantity);
        w.Integer(14, row.ShippedQuantity);
        w.Integer(15, row.InProcessQuantity);
        if (row.RemovalFee is { } fee)
            w.Decimal(16, fee);
        else
            w.Null(16);

        w.Text(17, row.Currency);
    }

    public static RemovalOrderRow ReadRemovalOrder(SqliteDataReader r, RowStrings s) => new(
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

    public static void Bind(SqliteRowWriter w, CostCatalogEntry row)
    {
        w.Text(0, row.Sku);
        w.Decimal(1, row.UnitCost);
        w.Text(2, row.Currency);
        w.Text(3, row.Source);
        w.Integer(4, ToDay(row.EffectiveDate));
    }

    public static CostCatalogEntry ReadCost(SqliteDataReader r, RowStrings s) =>
        new(r.GetString(0), ParseDecimal(r.GetString(1)), r.GetString(2), r.GetString(3), FromDay(r.GetInt32(4)));

    public static void Bind(SqliteRowWriter w, RefundItem row)
    {
        w.Text(0, row.AmazonOrderId);
        w.Integer(1, DataPlaneTime.ToUnixMicroseconds(row.PostedDate));
        w.Integer(2, DataPlaneTime.OffsetMinutes(row.PostedDate));
        w.Text(3, row.MarketplaceName);
        w.Text(4, row.SellerSku);
        w.Text(5, row.OrderAdjustmentItemId);
        w.Integer(6, row.QuantityShipped);
        w.Decimal(7, row.Principal);
        w.Text(8, row.Currency);
    }

    public static RefundItem ReadRefund(SqliteDataReader r, RowStrings s) => new(
        r.GetString(0),
        DataPlaneTime.FromUnixMicroseconds(r.GetInt64(1), r.GetInt64(2)),
        s.Pooled(r.GetString(3)),
        s.Pooled(r.GetString(4)),
        r.GetString(5),
        r.GetInt32(6),
        ParseDecimal(r.GetString(7)),
        s.Pooled(r.GetString(8)));

    public static void Bind(SqliteRowWriter w, InboundShipment row)
    {
        w.Text(0, row.ShipmentId);
        w.Text(1, row.ShipmentName);
        w.Text(2, row.ShipmentStatus);
        w.Text(3, row.DestinationFulfillmentCenterId);
    }

    public static InboundShipment ReadInboundShipment(SqliteDataReader r, RowStrings s) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    public static void Bind(SqliteRowWriter w, InboundShipmentItem row)
    {
        w.Text(0, row.ShipmentId);
        w.Text(1, row.SellerSku);
        w.Text(2, row.FulfillmentNetworkSku);
        w.Integer(3, row.QuantityShipped);
        w.Integer(4, row.QuantityReceived);
        w.Integer(5, row.QuantityInCase);
    }

    public static InboundShipmentItem ReadInboundShipmentItem(SqliteDataReader r, RowStrings s) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        r.IsDBNull(5) ? null : r.GetInt32(5));

    /// <summary>A date as the integer yyyymmdd: it sorts and compares as the date does, and binds without a string.</summary>
    public static int ToDay(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static DateOnly FromDay(int day) => new(day / 10000, day / 100 % 100, day % 100);

    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
