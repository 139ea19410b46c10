using Opside.Grains.Claims;

namespace Opside.Grains.Billing;

/// <summary>
/// A seller's billing (docs/billing.md), keyed by seller id: the one writer of the seller's billing ledger. It turns
/// the payments of reconciled claims into ledger entries on the seller's terms, once each however often it is given
/// them, and keeps the seller's commission rate. With Stripe configured it also owns the seller's Stripe customer,
/// pushes each entry as an invoice item, runs the monthly invoice from a reminder, and applies Stripe's webhooks.
/// </summary>
[Alias("opside.billing.billing")]
public interface IBillingGrain : IGrainWithStringKey
{
    /// <summary>Records what the claims' payments bill that is not recorded yet; answers how many entries were new.</summary>
    [Alias("record")]
    Task<int> RecordAsync(IReadOnlyList<ClaimSnapshot> claims);

    /// <summary>
    /// The statement of <paramref name="month"/> (the first day of it) in <paramref name="currency"/>, or in the
    /// currency most of the month's entries are in; <paramref name="page"/> from 1.
    /// </summary>
    [Alias("statement")]
    Task<BillingStatement> GetStatementAsync(DateOnly month, string? currency, int page, int pageSize);

    /// <summary>The terms the seller is billed on now: the rate ops set, or the default.</summary>
    [Alias("terms")]
    Task<BillingTerms> GetTermsAsync();

    /// <summary>Sets the seller's rate (null: the default again); entries already recorded keep theirs.</summary>
    [Alias("set-rate")]
    Task<BillingTerms> SetRateAsync(decimal? rate);

    /// <summary>A Stripe Checkout URL (setup mode) where the seller saves a card; the customer is created on first need.</summary>
    [Alias("payment-method")]
    Task<string> StartPaymentMethodSetupAsync();

    /// <summary>Pushes what is pending, then invoices every item not invoiced yet: create, finalise, charge automatically.</summary>
    [Alias("run-invoice")]
    Task<InvoiceRunResult> RunInvoiceAsync();

    /// <summary>Applies a verified Stripe event once: a replay, or an event of another customer, changes nothing.</summary>
    [Alias("stripe-event")]
    Task<string> ApplyStripeEventAsync(StripeEventNotice notice);
}
