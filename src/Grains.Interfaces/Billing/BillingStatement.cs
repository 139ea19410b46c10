using Opside.Grains.Claims;

namespace Opside.Grains.Billing;

/// <summary>
/// A seller's monthly statement (docs/billing.md, "Statement"): the ledger entries of one currency whose
/// reimbursements Amazon approved in the month (UTC), a page of them, and the month's totals in that currency.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.billing.statement")]
public sealed record BillingStatement(
    [property: Id(0)] string Month,
    [property: Id(1)] string Currency,
    [property: Id(2)] IReadOnlyList<StatementItem> Items,
    [property: Id(3)] StatementTotals Totals,
    [property: Id(4)] int ItemCount,
    [property: Id(5)] int Page,
    [property: Id(6)] int PageSize,
    [property: Id(7)] IReadOnlyList<string> OtherCurrencies,
    [property: Id(8)] StatementInvoice? Invoice,
    [property: Id(9)] string Stripe)
{
    public const string StripeConfigured = "Configured";
    public const string StripeNotConfigured = "NotConfigured";
}

/// <summary>The month's Stripe invoice: its id and <c>Draft</c>, <c>Open</c>, <c>Paid</c> or <c>PastDue</c>.</summary>
[GenerateSerializer, Immutable, Alias("opside.billing.statement-invoice")]
public sealed record StatementInvoice([property: Id(0)] string Id, [property: Id(1)] string Status);

/// <summary>One entry: what was recovered on the claim's case and billed (a credit negative) at the seller's rate.</summary>
[GenerateSerializer, Immutable, Alias("opside.billing.statement-item")]
public sealed record StatementItem(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string ReimbursementId,
    [property: Id(3)] DateTimeOffset ApprovedAt,
    [property: Id(4)] ClaimMoney Recovered,
    [property: Id(5)] decimal Rate,
    [property: Id(6)] ClaimMoney Amount,
    [property: Id(7)] string Kind,
    [property: Id(8)] string? StripeInvoiceItemId);

[GenerateSerializer, Immutable, Alias("opside.billing.statement-totals")]
public sealed record StatementTotals(
    [property: Id(0)] ClaimMoney Charges,
    [property: Id(1)] ClaimMoney Credits,
    [property: Id(2)] ClaimMoney Net);
