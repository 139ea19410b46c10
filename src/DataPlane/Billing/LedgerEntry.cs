namespace Opside.DataPlane.Billing;

/// <summary>
/// One billable or credit event of the billing ledger (docs/billing.md, "Ledger"): the commission on one reimbursement
/// row Amazon paid on a claim Opside found and the seller filed, or the credit for a reversal of one. Keyed by seller
/// and <see cref="EntryKey"/> (the report row's identity), so reconciliation can hand the same row over any number of
/// times and it is recorded once. <see cref="Cash"/>, <see cref="InventoryUnits"/> and <see cref="Commission"/> are
/// signed as the report row: a credit's are negative.
/// </summary>
public sealed record LedgerEntry(
    string SellerId,
    string EntryKey,
    string Kind,
    string ClaimId,
    string CaseId,
    string ReimbursementId,
    string? ReversedReimbursementId,
    DateTimeOffset ApprovedAt,
    string Currency,
    decimal Cash,
    int InventoryUnits,
    decimal? UnitValue,
    decimal Rate,
    decimal Commission,
    DateTimeOffset RecordedAt,
    string State = LedgerStates.Pending,
    string? StripeInvoiceItemId = null,
    string? StripeInvoiceId = null);

/// <summary>What a ledger entry is: a commission charged, or a commission credited back for a reversal.</summary>
public static class LedgerKinds
{
    public const string Charge = "Charge";
    public const string Credit = "Credit";

    public static readonly IReadOnlyList<string> All = [Charge, Credit];
}

/// <summary>Where a ledger entry is on its way to Stripe: recorded, an invoice item, on an invoice, paid.</summary>
public static class LedgerStates
{
    public const string Pending = "Pending";
    public const string Pushed = "Pushed";
    public const string Invoiced = "Invoiced";
    public const string Paid = "Paid";

    public static readonly IReadOnlyList<string> All = [Pending, Pushed, Invoiced, Paid];
}
