using Microsoft.Extensions.Options;
using Opside.DataPlane.Billing;
using Opside.Grains.Claims;
using Opside.Grains.Errors;

namespace Opside.Grains.Billing;

[GrainType("billing")]
public sealed partial class BillingGrain(
    [PersistentState("billing")] IPersistentState<BillingState> state,
    IBillingLedger ledger,
    IBillingAccounts accounts,
    StripeBilling stripe,
    IOptions<BillingOptions> options,
    TimeProvider time,
    ILogger<BillingGrain> logger) : Grain, IBillingGrain, IRemindable
{
    // What a statement of a month without entries is in, unless the caller names a currency.
    private const string DefaultCurrency = "USD";

    private string SellerId => this.GetPrimaryKeyString();

    public async Task<int> RecordAsync(IReadOnlyList<ClaimSnapshot> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var terms = Terms();
        var now = time.GetUtcNow();
        // Another seller's claim is never billed here, whatever a caller hands over.
        var entries = claims.Where(c => c.Facts.SellerId == SellerId).SelectMany(c => Commissions.Of(c, terms, now)).ToList();
        var added = await ledger.AddAsync(entries, CancellationToken.None);
        if (added > 0)
            logger.LogInformation("Billing for seller {SellerId}: {Added} new ledger entries of {Entries} from {Claims} reconciled claims",
                SellerId, added, entries.Count, claims.Count);
        // After this call returns, so reconciliation never waits on Stripe; what fails stays pending for the next push.
        SchedulePush();
        return added;
    }

    public async Task<BillingStatement> GetStatementAsync(DateOnly month, string? currency, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var from = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var until = from.AddMonths(1);
        var totals = await ledger.TotalsAsync(SellerId, from, until, CancellationToken.None);
        var chosen = currency?.ToUpperInvariant() ?? totals.OrderByDescending(t => t.Entries).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .FirstOrDefault()?.Currency ?? DefaultCurrency;
        var total = totals.FirstOrDefault(t => t.Currency == chosen) ?? new LedgerTotal(chosen, 0, 0m, 0m);
        // Past the last page is an empty page, not a read: the offset of a huge page number is never sent to the store.
        var offset = (long)(page - 1) * pageSize;
        var entries = offset >= total.Entries
            ? []
            : await ledger.ListAsync(SellerId, from, until, chosen, (int)offset, pageSize, CancellationToken.None);
        return new BillingStatement($"{month:yyyy-MM}", chosen, [.. entries.Select(Item)],
            new StatementTotals(new(total.Charges, chosen), new(total.Credits, chosen), new(total.Due, chosen)), total.Entries, page, pageSize,
            [.. totals.Select(t => t.Currency).Where(c => c != chosen)], InvoiceOf($"{month:yyyy-MM}", chosen),
            stripe.Configured ? BillingStatement.StripeConfigured : BillingStatement.StripeNotConfigured);
    }

    public Task<BillingTerms> GetTermsAsync() => Task.FromResult(Terms());

    public async Task<BillingTerms> SetRateAsync(decimal? rate)
    {
        if (rate is { } value && !BillingTerms.IsRate(value))
            throw new InvalidRequestException($"rate: a rate is above 0 and at most 1, to 4 decimals; got {value}.");
        if (state.State.Rate != rate)
        {
            state.State.Rate = rate;
            await state.WriteStateAsync();
        }

        return Terms();
    }

    /// <summary>What the commission was computed on: the cash and the inventory units at the claim's unit value.</summary>
    private static StatementItem Item(LedgerEntry e) => new(e.ClaimId, e.CaseId, e.ReimbursementId, e.ApprovedAt,
        new(Math.Round(e.Cash + e.InventoryUnits * (e.UnitValue ?? 0m), 2, MidpointRounding.AwayFromZero), e.Currency), e.Rate,
        new(e.Commission, e.Currency), e.Kind, e.StripeInvoiceItemId);

    /// <summary>The latest invoice that billed entries of the month in the currency.</summary>
    private StatementInvoice? InvoiceOf(string month, string currency) => state.State.Invoices
        .Where(i => i.Currency == currency && i.Months.Contains(month)).OrderBy(i => i.CreatedAt).LastOrDefault() is { } invoice
        ? new StatementInvoice(invoice.Id, invoice.Status)
        : null;

    private BillingTerms Terms() => new(state.State.Rate ?? options.Value.DefaultRate, options.Value.ChargeOnInventory);
}
