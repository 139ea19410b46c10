namespace Opside.DataPlane.Rows;

/// <summary>
/// One row of GET_FBA_REIMBURSEMENTS_DATA. A reimbursement id can span several item rows; quantities and
/// amounts are signed (a reversal is negative cash). Empty text columns are empty strings, never null.
/// </summary>
public sealed record ReimbursementRow(
    DateTimeOffset ApprovalDate,
    string ReimbursementId,
    string CaseId,
    string AmazonOrderId,
    string Reason,
    string Sku,
    string Fnsku,
    string Asin,
    string ProductName,
    string Condition,
    string Currency,
    decimal AmountPerUnit,
    decimal AmountTotal,
    int QuantityReimbursedCash,
    int QuantityReimbursedInventory,
    int QuantityReimbursedTotal,
    string OriginalReimbursementId,
    string OriginalReimbursementType);
