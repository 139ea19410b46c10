namespace Opside.Grains.Billing;

/// <summary>
/// What Opside reads of a verified Stripe event (docs/billing.md, "Webhooks"): its id (for deduplication), type and
/// Stripe's time of it (for ordering), and the ids and fields the handled types carry. The API builds it only after
/// the signature checked out; the seller's billing grain applies it.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.billing.stripe-event")]
public sealed record StripeEventNotice(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] string? InvoiceId,
    [property: Id(5)] string? Currency,
    [property: Id(6)] string? SessionMode,
    [property: Id(7)] string? SetupIntentId,
    [property: Id(8)] string? DefaultPaymentMethodId)
{
    public const string CheckoutSessionCompleted = "checkout.session.completed";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string InvoiceFinalized = "invoice.finalized";
    public const string CustomerUpdated = "customer.updated";

    public static IReadOnlySet<string> Handled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CheckoutSessionCompleted, InvoicePaid, InvoicePaymentFailed, InvoiceFinalized, CustomerUpdated,
    };
}

/// <summary>What became of a Stripe event: <c>Applied</c>, <c>Replayed</c> (seen before: nothing changed) or <c>Ignored</c> (not this seller's).</summary>
public static class StripeEventOutcomes
{
    public const string Applied = "Applied";
    public const string Replayed = "Replayed";
    public const string Ignored = "Ignored";
}
