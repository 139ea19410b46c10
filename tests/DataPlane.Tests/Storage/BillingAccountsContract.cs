using Opside.DataPlane.Billing;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>
/// The billing accounts contract, run on each store: an account is rewritten in place and listed by status in seller
/// order, a page at a time; a Stripe event id is recorded once, whoever records it again.
/// </summary>
public abstract class BillingAccountsContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 6, 0, 0, 123, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IBillingAccounts> OpenAccountsAsync();

    [Fact]
    public async Task Accounts_are_rewritten_in_place_and_listed_by_status_a_page_at_a_time()
    {
        var accounts = await OpenAccountsAsync();
        await accounts.UpsertAsync(new BillingAccount("seller-c", BillingStatuses.PastDue, "cus_c", At), Ct);
        await accounts.UpsertAsync(new BillingAccount("seller-a", BillingStatuses.NoPaymentMethod, null, At), Ct);
        await accounts.UpsertAsync(new BillingAccount("seller-b", BillingStatuses.PastDue, "cus_b", At), Ct);
        await accounts.UpsertAsync(new BillingAccount("seller-a", BillingStatuses.PastDue, "cus_a", At.AddHours(1)), Ct);
        await accounts.UpsertAsync(new BillingAccount("seller-c", BillingStatuses.Active, "cus_c", At.AddHours(2)), Ct);

        Assert.Equal([new BillingAccount("seller-a", BillingStatuses.PastDue, "cus_a", At.AddHours(1))],
            await accounts.ListAsync(BillingStatuses.PastDue, 0, 1, Ct));
        Assert.Equal(["seller-b"], (await accounts.ListAsync(BillingStatuses.PastDue, 1, 10, Ct)).Select(a => a.SellerId));
        Assert.Equal(["seller-c"], (await accounts.ListAsync(BillingStatuses.Active, 0, 10, Ct)).Select(a => a.SellerId));
        Assert.Empty(await accounts.ListAsync(BillingStatuses.NoPaymentMethod, 0, 10, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.UpsertAsync(new BillingAccount("seller-d", "Late", null, At), Ct));
    }

    [Fact]
    public async Task A_stripe_event_is_recorded_once()
    {
        var accounts = await OpenAccountsAsync();

        Assert.False(await accounts.HasEventAsync("evt_1", Ct));
        Assert.True(await accounts.RecordEventAsync("evt_1", "seller-a", "invoice.paid", At, Ct));
        Assert.False(await accounts.RecordEventAsync("evt_1", "seller-b", "invoice.paid", At.AddMinutes(1), Ct));
        Assert.True(await accounts.HasEventAsync("evt_1", Ct));
        Assert.False(await accounts.HasEventAsync("evt_2", Ct));
    }
}
