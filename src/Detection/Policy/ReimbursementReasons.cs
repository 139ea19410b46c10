namespace Opside.Detection;

/// <summary>The reimbursements report's <c>reason</c> names detection nets against.</summary>
public sealed record ReimbursementReasons(
    string LostWarehouse,
    string DamagedWarehouse,
    string CustomerReturn,
    string CustomerServiceIssue,
    string LostInbound,
    string RemovalOrderLost,
    string Reversal);
