namespace Opside.Grains.Amazon;

[GenerateSerializer, Alias("opside.amazon.consent-state")]
public sealed class AmazonConsentState
{
    [Id(0)] public ConsentRequest? Request { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public bool Redeemed { get; set; }
}

[GrainType("amazon-consent")]
public sealed class AmazonConsentGrain(
    [PersistentState("consent")] IPersistentState<AmazonConsentState> state,
    TimeProvider time) : Grain, IAmazonConsentGrain
{
    public async Task IssueAsync(ConsentRequest request, TimeSpan lifetime)
    {
        // The key is 32 random bytes: a collision means a bug, not bad luck.
        if (state.State.Request is not null)
            throw new InvalidOperationException("This consent state was issued already.");
        state.State.Request = request;
        state.State.ExpiresAt = time.GetUtcNow() + lifetime;
        await state.WriteStateAsync();
    }

    public async Task<ConsentRequest?> RedeemAsync()
    {
        if (state.State.Request is null || state.State.Redeemed)
            return null;
        // Redeemed even when expired, so that the answer never changes back.
        state.State.Redeemed = true;
        await state.WriteStateAsync();
        return state.State.ExpiresAt > time.GetUtcNow() ? state.State.Request : null;
    }
}
