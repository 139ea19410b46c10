using Opside.DataPlane.Billing;
using Opside.Grains.Errors;

namespace Opside.Grains.Billing;

/// <summary>
/// The Stripe side of a seller's billing (docs/billing.md, "Stripe" and "Invoices"): the customer, Checkout for a card,
/// one invoice item per ledger entry, and the invoice runs, monthly from a reminder or now at ops' request. Every step
/// is persisted before the next, and every Stripe call is keyed, so a run cut short is finished by the next one
/// without a second invoice or item.
/// </summary>
public sealed partial class BillingGrain
{
    private const string MonthlyReminder = "monthly-invoice";
    private const int PushPage = 100;

    // A push handles at most this many entries per call; the rest wait for the next, so one call stays bounded.
    private const int MaxPushedPerCall = 1_000;

    private IGrainTimer? _pushTimer;

    public async Task<string> StartPaymentMethodSetupAsync()
    {
        RequireStripe();
        var customer = await EnsureCustomerAsync();
        var returnUrl = options.Value.PaymentMethodReturnUrl;
        var uninvoiced = await ledger.UninvoicedCurrenciesAsync(SellerId, CancellationToken.None);
        var currency = uninvoiced.Count > 0 ? uninvoiced[0] : DefaultCurrency;
        return await stripe.CreateSetupCheckoutAsync(SellerId, customer, currency, new Uri(returnUrl, "?card=saved"),
            new Uri(returnUrl, "?card=cancelled"), CancellationToken.None);
    }

    public async Task<InvoiceRunResult> RunInvoiceAsync()
    {
        RequireStripe();
        var customer = await EnsureCustomerAsync();
        if (state.State.Run is null)
        {
            await PushPendingAsync();
            var currencies = await ledger.UninvoicedCurrenciesAsync(SellerId, CancellationToken.None);
            if (currencies.Count == 0)
                return new InvoiceRunResult(null, InvoiceRunResult.NothingToInvoice, []);
            state.State.Run = new InvoiceRun { Number = state.State.NextRun, Currencies = [.. currencies] };
            state.State.NextRun++;
            await state.WriteStateAsync();
        }

        var run = state.State.Run;
        var made = new List<RunInvoice>();
        while (run.Currencies.Count > 0)
        {
            var currency = run.Currencies[0];
            var invoiceId = await stripe.CreateInvoiceAsync(SellerId, customer, currency, run.Number, CancellationToken.None);
            var record = state.State.Invoices.FirstOrDefault(i => i.Id == invoiceId);
            if (record is null)
            {
                record = new InvoiceRecord { Id = invoiceId, Currency = currency, CreatedAt = time.GetUtcNow() };
                state.State.Invoices.Add(record);
            }

            record.Months = [.. await ledger.MarkInvoicedAsync(SellerId, currency, invoiceId, CancellationToken.None)];
            await state.WriteStateAsync();
            if (record.Status == InvoiceStatuses.Draft)
                await AdvanceAsync(record, FromStripe(await stripe.FinalizeInvoiceAsync(invoiceId, CancellationToken.None)));
            run.Currencies.RemoveAt(0);
            await state.WriteStateAsync();
            made.Add(new RunInvoice(record.Id, record.Currency, record.Status));
            logger.LogInformation("Billing for seller {SellerId}: invoice {InvoiceId} ({Currency}, run {Run}) is {Status}",
                SellerId, record.Id, currency, run.Number, record.Status);
        }

        state.State.Run = null;
        await SaveAsync();
        // What was recorded while the run was being finished goes to Stripe now, for the next invoice.
        SchedulePush();
        return made.Count == 0 ? new InvoiceRunResult(null, InvoiceRunResult.NothingToInvoice, []) : new InvoiceRunResult(made[0].Id, made[0].Status, made);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != MonthlyReminder || !stripe.Configured)
            return;
        try
        {
            if (state.State.Run is null)
                await PushPendingAsync();
            var now = time.GetUtcNow();
            var due = MonthlyInvoiceSchedule.IsDue(state.State.LastMonthlyRun, now, options.Value.InvoiceDay);
            // A run cut short (by a crash, or Stripe down) is finished on the next tick, due or not.
            if (!due && state.State.Run is null)
                return;
            await RunInvoiceAsync();
            if (due)
            {
                state.State.LastMonthlyRun = MonthlyInvoiceSchedule.MonthOf(now);
                await state.WriteStateAsync();
            }
        }
        catch (ProviderUnavailableException unavailable)
        {
            // Nothing is lost: entries stay pending and an unfinished run stays recorded; tomorrow's tick tries again.
            logger.LogWarning("Billing for seller {SellerId}: the scheduled invoice run waits for Stripe: {Reason}", SellerId, unavailable.Message);
        }
    }

    /// <summary>Pushes pending entries as invoice items, oldest first, each marked pushed as soon as Stripe has it.</summary>
    private async Task<int> PushPendingAsync()
    {
        if (!stripe.Configured || state.State.Run is not null)
            return 0;
        var customer = await EnsureCustomerAsync();
        var pushed = 0;
        while (pushed < MaxPushedPerCall)
        {
            var pending = await ledger.PendingAsync(SellerId, PushPage, CancellationToken.None);
            foreach (var entry in pending)
            {
                var item = await stripe.CreateInvoiceItemAsync(customer, entry, CancellationToken.None);
                await ledger.MarkPushedAsync(SellerId, entry.EntryKey, item, CancellationToken.None);
                pushed++;
            }

            if (pending.Count < PushPage)
                break;
        }

        if (pushed > 0)
            logger.LogInformation("Billing for seller {SellerId}: {Pushed} ledger entries pushed to Stripe as invoice items", SellerId, pushed);
        return pushed;
    }

    private void SchedulePush()
    {
        if (!stripe.Configured || _pushTimer is not null)
            return;
        _pushTimer = this.RegisterGrainTimer(async _ =>
        {
            _pushTimer?.Dispose();
            _pushTimer = null;
            try
            {
                await PushPendingAsync();
            }
            catch (ProviderUnavailableException unavailable)
            {
                logger.LogWarning("Billing for seller {SellerId}: pending entries wait for Stripe: {Reason}", SellerId, unavailable.Message);
            }
        }, (object?)null, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    /// <summary>The seller's Stripe customer, created once (keyed by seller) and the monthly reminder with it.</summary>
    private async Task<string> EnsureCustomerAsync()
    {
        if (state.State.CustomerId is { } existing)
            return existing;
        state.State.CustomerId = await stripe.CreateCustomerAsync(SellerId, CancellationToken.None);
        if (!state.State.ReminderRegistered)
        {
            await this.RegisterOrUpdateReminder(MonthlyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
            state.State.ReminderRegistered = true;
            // A new customer's first scheduled invoice is next month's, not one on the first tick.
            state.State.LastMonthlyRun = MonthlyInvoiceSchedule.MonthOf(time.GetUtcNow());
        }

        await SaveAsync();
        return state.State.CustomerId;
    }

    private async Task AdvanceAsync(InvoiceRecord record, string status)
    {
        if (!record.Advance(status))
            return;
        if (status == InvoiceStatuses.Paid)
            await ledger.MarkPaidAsync(SellerId, record.Id, CancellationToken.None);
        await SaveAsync();
    }

    /// <summary>The grain's state, then the account row ops list by status; both are rewrites, safe to repeat.</summary>
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        if (state.State.CustomerId is not null)
            await accounts.UpsertAsync(new BillingAccount(SellerId, state.State.Status, state.State.CustomerId, time.GetUtcNow()), CancellationToken.None);
    }

    private void RequireStripe()
    {
        if (!stripe.Configured)
            throw new StateConflictException("Stripe is not configured (Stripe:SecretKey): the ledger records every commission, and nothing is charged.");
    }

    private static string FromStripe(string stripeStatus) => stripeStatus switch
    {
        "draft" => InvoiceStatuses.Draft,
        "paid" => InvoiceStatuses.Paid,
        "uncollectible" => InvoiceStatuses.PastDue,
        _ => InvoiceStatuses.Open,
    };
}
