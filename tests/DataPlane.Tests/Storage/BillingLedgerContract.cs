using Opside.DataPlane.Billing;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>
/// The billing ledger contract, run on each store: an entry is recorded once by seller and key however often it is
/// handed over, amounts come back to the cent (and beyond, for unit values), a month's statement pages and totals
/// per currency, and only a pending entry is pushed, once.
/// </summary>
public abstract class BillingLedgerContract
{
    private static readonly DateTimeOffset Paid = new(2026, 11, 3, 14, 5, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IBillingLedger> OpenLedgerAsync();

    private static LedgerEntry Charge(string key, decimal commission = 2.45m, string seller = "seller-a", int day = 0, string currency = "USD") =>
        new(seller, key, LedgerKinds.Charge, "claim-1", "1234567890", $"rmb-{key}", null, Paid.AddDays(day), currency, 12.23m, 1,
            12.2371428571m, 0.2m, commission, Paid.AddDays(day).AddHours(2));

    private static LedgerEntry Credit(string key, decimal commission, int day = 0) =>
        Charge(key, commission, day: day) with { Kind = LedgerKinds.Credit, Cash = -12.23m, ReversedReimbursementId = "rmb-original" };

    private static (DateTimeOffset From, DateTimeOffset Until) November => (new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_entry_is_recorded_once_however_often_it_is_handed_over_and_read_back_exactly()
    {
        var ledger = await OpenLedgerAsync();
        var entry = Charge("r1");

        Assert.Equal(2, await ledger.AddAsync([entry, Credit("r2", -1.10m)], Ct));
        Assert.Equal(0, await ledger.AddAsync([entry with { Commission = 99m }, Credit("r2", -1.10m)], Ct));
        Assert.Equal(1, await ledger.AddAsync([entry with { SellerId = "seller-b" }], Ct));

        var listed = await ledger.ListAsync("seller-a", November.From, November.Until, "USD", 0, 10, Ct);
        Assert.Equal(["r1", "r2"], listed.Select(e => e.EntryKey));
        Assert.Equal(entry, listed[0]);
        Assert.Equal(-1.10m, listed[1].Commission);
        Assert.Equal("rmb-original", listed[1].ReversedReimbursementId);
    }

    [Fact]
    public async Task A_month_pages_oldest_first_and_totals_charges_and_credits_per_currency_to_the_cent()
    {
        var ledger = await OpenLedgerAsync();
        await ledger.AddAsync(
        [
            Charge("a", 0.10m, day: 2), Charge("b", 0.20m, day: 1), Credit("c", -0.05m, day: 3), Charge("d", 3.33m, day: 1, currency: "CAD"),
            Charge("december", 50m, day: 28), Charge("october", 50m, day: -3), Charge("other", 50m, seller: "seller-b"),
        ], Ct);

        var first = await ledger.ListAsync("seller-a", November.From, November.Until, "USD", 0, 2, Ct);
        var second = await ledger.ListAsync("seller-a", November.From, November.Until, "USD", 2, 2, Ct);
        var totals = await ledger.TotalsAsync("seller-a", November.From, November.Until, Ct);

        Assert.Equal(["b", "a"], first.Select(e => e.EntryKey));
        Assert.Equal(["c"], second.Select(e => e.EntryKey));
        Assert.Equal(["d"], (await ledger.ListAsync("seller-a", November.From, November.Until, "CAD", 0, 10, Ct)).Select(e => e.EntryKey));
        Assert.Equal([new LedgerTotal("CAD", 1, 3.33m, 0m), new LedgerTotal("USD", 3, 0.30m, -0.05m)], totals);
        Assert.Equal(0.25m, totals[1].Due);
        Assert.Empty(await ledger.TotalsAsync("seller-c", November.From, November.Until, Ct));
    }

    [Fact]
    public async Task Only_a_pending_entry_is_pushed_and_only_once()
    {
        var ledger = await OpenLedgerAsync();
        await ledger.AddAsync([Charge("p1", day: 1), Charge("p2"), Charge("p3", seller: "seller-b")], Ct);

        Assert.Equal(["p2", "p1"], (await ledger.PendingAsync("seller-a", 10, Ct)).Select(e => e.EntryKey));
        Assert.True(await ledger.MarkPushedAsync("seller-a", "p2", "ii_1", Ct));
        Assert.False(await ledger.MarkPushedAsync("seller-a", "p2", "ii_2", Ct));
        Assert.False(await ledger.MarkPushedAsync("seller-a", "p3", "ii_3", Ct));

        Assert.Equal(["p1"], (await ledger.PendingAsync("seller-a", 10, Ct)).Select(e => e.EntryKey));
        var pushed = (await ledger.ListAsync("seller-a", November.From, November.Until, "USD", 0, 10, Ct)).Single(e => e.EntryKey == "p2");
        Assert.Equal((LedgerStates.Pushed, "ii_1"), (pushed.State, pushed.StripeInvoiceItemId));
    }

    [Fact]
    public async Task A_charge_that_is_not_positive_or_a_credit_that_is_not_negative_is_refused_and_nothing_is_written()
    {
        var ledger = await OpenLedgerAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.AddAsync([Charge("ok"), Charge("zero", 0m)], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.AddAsync([Credit("positive", 1m)], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.ListAsync("seller-a", November.From, November.Until, "USD", 0, 1_001, Ct));

        Assert.Empty(await ledger.ListAsync("seller-a", November.From, November.Until, "USD", 0, 10, Ct));
    }

    [Fact]
    public async Task Pushed_entries_go_on_an_invoice_by_currency_and_are_paid_with_it()
    {
        var ledger = await OpenLedgerAsync();
        await ledger.AddAsync([Charge("u1", day: -5), Charge("u2", day: 1), Charge("c1", currency: "CAD"), Charge("left"), Charge("b1", seller: "seller-b")], Ct);
        foreach (var (key, item) in new[] { ("u1", "ii_u1"), ("u2", "ii_u2"), ("c1", "ii_c1") })
            await ledger.MarkPushedAsync("seller-a", key, item, Ct);
        await ledger.MarkPushedAsync("seller-b", "b1", "ii_b1", Ct);

        Assert.Equal(["CAD", "USD"], await ledger.UninvoicedCurrenciesAsync("seller-a", Ct));
        Assert.Equal(["2026-10", "2026-11"], await ledger.MarkInvoicedAsync("seller-a", "USD", "in_1", Ct));
        // A retry of the same invoice answers the same months though nothing is left to move.
        Assert.Equal(["2026-10", "2026-11"], await ledger.MarkInvoicedAsync("seller-a", "USD", "in_1", Ct));
        Assert.Equal(["CAD"], await ledger.UninvoicedCurrenciesAsync("seller-a", Ct));

        Assert.Equal(2, await ledger.MarkPaidAsync("seller-a", "in_1", Ct));
        Assert.Equal(0, await ledger.MarkPaidAsync("seller-a", "in_1", Ct));
        Assert.Equal(0, await ledger.MarkPaidAsync("seller-b", "in_1", Ct));

        var all = await ledger.ListAsync("seller-a", November.From.AddMonths(-1), November.Until, "USD", 0, 10, Ct);
        Assert.Equal([("left", LedgerStates.Pending, (string?)null), ("u1", LedgerStates.Paid, "in_1"), ("u2", LedgerStates.Paid, "in_1")],
            all.Select(e => (e.EntryKey, e.State, e.StripeInvoiceId)).OrderBy(e => e.EntryKey));
        Assert.Equal(["USD"], await ledger.UninvoicedCurrenciesAsync("seller-b", Ct));
    }
}
