namespace Opside.Storage.DataPlane;

/// <summary>
/// The data-plane tables' names and row columns (after <c>seller_id</c>), in the order both stores bind and read
/// them. The schemas (SqliteSchema versions 2–3, PostgreSQL 0005_data_plane.sql and 0006_cost_catalog.sql) use the same names.
/// </summary>
internal static class DataPlaneTables
{
    public static readonly DataPlaneTable Ledger = new("ledger_events", "date",
    [
        "date", "fnsku", "asin", "msku", "title", "event_type", "reference_id", "quantity", "fulfillment_center", "disposition",
        "reason", "country", "reconciled_quantity", "unreconciled_quantity", "date_and_time", "date_and_time_offset", "store",
    ]);

    public static readonly DataPlaneTable Reimbursements = new("reimbursements", "approval_date",
    [
        "approval_date", "approval_date_offset", "reimbursement_id", "case_id", "amazon_order_id", "reason", "sku", "fnsku", "asin",
        "product_name", "condition", "currency", "amount_per_unit", "amount_total", "quantity_reimbursed_cash",
        "quantity_reimbursed_inventory", "quantity_reimbursed_total", "original_reimbursement_id", "original_reimbursement_type",
    ]);

    public static readonly DataPlaneTable CustomerReturns = new("customer_returns", "return_date",
    [
        "return_date", "return_date_offset", "order_id", "sku", "asin", "fnsku", "product_name", "quantity", "fulfillment_center_id",
        "detailed_disposition", "reason", "status", "license_plate_number", "customer_comments",
    ]);

    public static readonly DataPlaneTable RemovalOrders = new("removal_orders", "request_date",
    [
        "request_date", "request_date_offset", "order_id", "order_type", "service_speed", "order_status", "last_updated_date",
        "last_updated_date_offset", "sku", "fnsku", "disposition", "requested_quantity", "cancelled_quantity", "disposed_quantity",
        "shipped_quantity", "in_process_quantity", "removal_fee", "currency",
    ]);

    public static readonly DataPlaneTable Refunds = new("refund_items", "posted_date",
    [
        "amazon_order_id", "posted_date", "posted_date_offset", "marketplace_name", "seller_sku", "order_adjustment_item_id",
        "quantity_shipped", "principal", "currency",
    ]);

    public static readonly DataPlaneTable InboundShipments = new("inbound_shipments", "shipment_id",
    [
        "shipment_id", "shipment_name", "shipment_status", "destination_fulfillment_center_id",
    ]);

    public static readonly DataPlaneTable InboundShipmentItems = new("inbound_shipment_items", "shipment_id",
    [
        "shipment_id", "seller_sku", "fulfillment_network_sku", "quantity_shipped", "quantity_received", "quantity_in_case",
    ]);

    public static readonly DataPlaneTable CostCatalog = new("cost_catalog", "effective_date",
    [
        "sku", "unit_cost", "currency", "source", "effective_date",
    ]);

    public static readonly DataPlaneTable ArchivedDocuments = new("archived_documents", "fetched_at",
    [
        "id", "source", "fetched_at", "fetched_at_offset", "request", "content_type", "gzip_content",
    ]);
}

/// <param name="RangeColumn">The column a fetched range replaces by and reads sort by (insertion order breaks ties).</param>
internal sealed record DataPlaneTable(string Name, string RangeColumn, string[] Columns)
{
    public string ColumnList { get; } = string.Join(", ", Columns);
}
