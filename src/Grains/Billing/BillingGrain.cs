using Microsoft.Extensions.Options;
using Opside.DataPlane.Billing;
using Opside.Grains.Claims;
using Opside.Grains.Errors;

namespace Opside.Grains.Billing;

[GrainType("billing")]
public sealed class BillingGrain(
    [PersistentState("billing")] IPersistentState<BillingState> state,
    IBillingLedger ledger,
    IOptions<BillingOptions> options,
    TimeProvider time,
    ILogger<BillingGrain> logger) : Grain, IBillingGrain
{
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
        return added;
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

    private BillingTerms Terms() => new(state.State.Rate ?? options.Value.DefaultRate, options.Value.ChargeOnInventory);
}
