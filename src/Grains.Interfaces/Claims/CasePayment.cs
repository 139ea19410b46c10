namespace Opside.Grains.Claims;

/// <summary>
/// A reimbursement report row as reconciliation hands it to a filed claim: a payment on the claim's case, or a
/// <c>Reimbursement_Reversal</c> of one (<see cref="OriginalReimbursementId"/> names the payment). Amounts and
/// quantities are signed as the report prints them.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.case-payment")]
public sealed record CasePayment(
    [property: Id(0)] string ReimbursementId,
    [property: Id(1)] DateTimeOffset ApprovalDate,
    [property: Id(2)] string CaseId,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Fnsku,
    [property: Id(5)] string Currency,
    [property: Id(6)] decimal AmountTotal,
    [property: Id(7)] int QuantityCash,
    [property: Id(8)] int QuantityInventory,
    [property: Id(9)] string OriginalReimbursementId)
{
    public const string ReversalReason = "Reimbursement_Reversal";

    public bool IsReversal => Reason == ReversalReason;

    /// <summary>One report row: a reimbursement id spans several item rows, one per FNSKU and reason.</summary>
    public (string, string, string, string) Key => (ReimbursementId, Fnsku, Reason, OriginalReimbursementId);
}
