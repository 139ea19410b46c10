using Opside.Grains.Errors;

namespace Opside.Grains.Billing;

/// <summary>
/// Stripe's webhooks applied to the seller's billing (docs/billing.md, "Webhooks"). An event id seen before changes
/// nothing. Delivery order does not matter: an invoice's status only moves forward (Draft, Open, PastDue, Paid), and
/// the card is only changed by an event newer than the one that last changed it. The id is recorded after the effect,
/// so a crash in between repeats an effect that is safe to repeat.
/// </summary>
public sealed partial class BillingGrain
{
    public async Task<string> ApplyStripeEventAsync(StripeEventNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (await accounts.HasEventAsync(notice.EventId, CancellationToken.None))
            return StripeEventOutcomes.Replayed;

        var outcome = state.State.CustomerId is { } customer && notice.CustomerId == customer
            ? await ApplyAsync(notice, customer)
            : StripeEventOutcomes.Ignored;
        if (outcome == StripeEventOutcomes.Ignored)
            logger.LogWarning("Billing for seller {SellerId}: Stripe event {EventId} ({Type}) is not for this seller's customer; ignored",
                SellerId, notice.EventId, notice.Type);
        await accounts.RecordEventAsync(notice.EventId, SellerId, notice.Type, time.GetUtcNow(), CancellationToken.None);
        return outcome;
    }

    private async Task<string> ApplyAsync(StripeEventNotice notice, string customer)
    {
        switch (notice.Type)
        {
            case StripeEventNotice.CheckoutSessionCompleted when notice is { SessionMode: "setup", SetupIntentId: { } setupIntent }:
                if (IsOlderCardEvent(notice))
                    return StripeEventOutcomes.Applied;
                await SetPaymentMethodAsync(await stripe.UseSetupPaymentMethodAsync(customer, setupIntent, CancellationToken.None), notice.Created);
                return StripeEventOutcomes.Applied;
            case StripeEventNotice.CustomerUpdated:
                if (!IsOlderCardEvent(notice))
                    await SetPaymentMethodAsync(notice.DefaultPaymentMethodId, notice.Created);
                return StripeEventOutcomes.Applied;
            case StripeEventNotice.InvoiceFinalized or StripeEventNotice.InvoicePaid or StripeEventNotice.InvoicePaymentFailed
                when notice.InvoiceId is { } invoiceId:
                await AdvanceAsync(InvoiceFor(invoiceId, notice), notice.Type switch
                {
                    StripeEventNotice.InvoiceFinalized => InvoiceStatuses.Open,
                    StripeEventNotice.InvoicePaid => InvoiceStatuses.Paid,
                    _ => InvoiceStatuses.PastDue,
                });
                return StripeEventOutcomes.Applied;
            default:
                throw new InvalidRequestException($"A {notice.Type} event without the fields Opside applies (event {notice.EventId}).");
        }
    }

    private bool IsOlderCardEvent(StripeEventNotice notice) => state.State.PaymentMethodAt is { } last && notice.Created < last;

    private async Task SetPaymentMethodAsync(string? paymentMethodId, DateTimeOffset at)
    {
        state.State.PaymentMethodId = paymentMethodId;
        state.State.PaymentMethodAt = at;
        await SaveAsync();
    }

    /// <summary>The invoice the event is about; one Opside did not make (say, made in Stripe's dashboard) is tracked from now on.</summary>
    private InvoiceRecord InvoiceFor(string invoiceId, StripeEventNotice notice)
    {
        if (state.State.Invoices.FirstOrDefault(i => i.Id == invoiceId) is { } known)
            return known;
        var record = new InvoiceRecord { Id = invoiceId, Currency = notice.Currency?.ToUpperInvariant() ?? DefaultCurrency, CreatedAt = notice.Created };
        state.State.Invoices.Add(record);
        return record;
    }
}
