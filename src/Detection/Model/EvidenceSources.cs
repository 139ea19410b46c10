namespace Opside.Detection;

/// <summary>The names evidence rows carry as <see cref="EvidenceRow.Source"/>: Amazon's report types and API operations, and the seller's cost catalog.</summary>
public static class EvidenceSources
{
    public const string LedgerReport = "GET_LEDGER_DETAIL_VIEW_DATA";
    public const string ReimbursementsReport = "GET_FBA_REIMBURSEMENTS_DATA";
    public const string ReturnsReport = "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA";
    public const string RemovalReport = "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA";
    public const string InboundShipmentItems = "FulfillmentInbound.v0.getShipmentItems";
    public const string FinancialEvents = "Finances.v0.listFinancialEvents";
    public const string CostCatalog = "CostCatalog";
}
