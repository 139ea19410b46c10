using Opside.DataPlane.Billing;
using Orleans.Concurrency;

namespace Opside.Grains.Billing;

/// <summary>Ops' list of sellers by billing status, read from the accounts the billing grains write.</summary>
[StatelessWorker, GrainType("billing-accounts-reader")]
public sealed class BillingAccountsReaderGrain(IBillingAccounts accounts) : Grain, IBillingAccountsReaderGrain
{
    public async Task<BillingAccountPage> ListAsync(string status, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var offset = (long)(page - 1) * pageSize;
        // Past any plausible count of sellers is an empty page, not an offset handed to the store.
        var items = offset > int.MaxValue - pageSize ? [] : await accounts.ListAsync(status, (int)offset, pageSize, CancellationToken.None);
        return new BillingAccountPage(status, [.. items.Select(a => new BillingAccountSummary(a.SellerId, a.Status, a.CustomerId, a.UpdatedAt))],
            page, pageSize);
    }
}
