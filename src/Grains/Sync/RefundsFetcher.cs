using Microsoft.Extensions.DependencyInjection;
using Opside.DataPlane.Rows;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Sync;

/// <summary>Refunds from Finances v0, by posting time: the fetched range replaces the seller's refunds in it.</summary>
internal sealed class RefundsFetcher : SourceFetcher
{
    public override DataSource Source => DataSource.Refunds;

    public override async Task<SourceOutcome> FetchAsync(SyncContext context, SourceProgress progress, CancellationToken cancellationToken)
    {
        var finances = context.Services.GetRequiredService<FinancesClient>();
        var start = context.StartFor(progress, wholeHistory: false);
        var archive = ApiPageArchive.For(context, SpApiOperation.ListFinancialEvents.Name, cancellationToken);
        var (refunds, coveredUntil) = await finances.ListRefundsAsync(context.Connection, start, context.Now, archive, cancellationToken);
        var written = await context.Store.ReplaceRefundsAsync(context.SellerId, start, coveredUntil, refunds, cancellationToken);
        return new SourceOutcome(written, coveredUntil);
    }
}
