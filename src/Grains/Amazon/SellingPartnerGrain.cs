namespace Opside.Grains.Amazon;

[GenerateSerializer, Alias("opside.amazon.selling-partner-state")]
public sealed class SellingPartnerState
{
    [Id(0)] public string? SellerId { get; set; }
    [Id(1)] public bool Verified { get; set; }
    [Id(2)] public string? DisplacedSellerId { get; set; }
}

/// <summary>
/// Who holds one selling partner. Non-reentrant, so two sellers claiming the same partner at once are decided one
/// after the other, and it calls no grain, so a seller waiting on it can never be waited on by it.
/// </summary>
[GrainType("selling-partner")]
public sealed class SellingPartnerGrain(
    [PersistentState("partner")] IPersistentState<SellingPartnerState> state) : Grain, ISellingPartnerGrain
{
    public async Task<PartnerClaim> ClaimAsync(string sellerId, bool verified)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellerId);
        var holder = state.State.SellerId;
        if (holder == sellerId)
        {
            // The holder's latest connection says how it is held: reconnecting self-authorised gives up the precedence.
            if (state.State.Verified != verified)
            {
                state.State.Verified = verified;
                await state.WriteStateAsync();
            }

            return new PartnerClaim(true, state.State.DisplacedSellerId);
        }

        // A self-authorised claim names a partner id on trust: it never takes one from anyone. A consent (Amazon
        // itself named the partner) takes it from an unverified holder only.
        string? displaced = null;
        if (holder is not null)
        {
            if (!verified || state.State.Verified)
                return new PartnerClaim(false, null);
            displaced = holder;
        }

        state.State.SellerId = sellerId;
        state.State.Verified = verified;
        state.State.DisplacedSellerId = displaced;
        await state.WriteStateAsync();
        return new PartnerClaim(true, displaced);
    }

    public async Task ReleaseAsync(string sellerId)
    {
        if (state.State.SellerId != sellerId)
            return;
        await state.ClearStateAsync();
    }
}
