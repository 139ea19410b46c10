using Opside.Grains.Errors;

namespace Opside.Grains.Amazon;

[GenerateSerializer, Alias("opside.amazon.consent-state")]
public sealed class AmazonConsentState
{
    [Id(0)] public ConsentRequest? Request { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public bool Redeemed { get; set; }
}

/// <summary>
/// One consent link's single-use state. What it holds (seller, region, marketplaces) is kept only while it can be
/// redeemed: it is cleared when it is redeemed, and by a reminder once it has expired unused (the storage keeps an
/// empty, versioned row, so a stale write cannot bring it back). A cleared state answers like an unknown one (null),
/// and its key is 32 random bytes that are never issued twice, so clearing it never makes it usable again.
/// </summary>
[GrainType("amazon-consent")]
public sealed class AmazonConsentGrain(
    [PersistentState("consent")] IPersistentState<AmazonConsentState> state,
    TimeProvider time) : Grain, IAmazonConsentGrain, IRemindable
{
    private const string ExpiryReminder = "expire";

    public async Task IssueAsync(ConsentRequest request, TimeSpan lifetime)
    {
        // The key is 32 random bytes: a collision means a bug, not bad luck.
        if (state.State.Request is not null)
            throw new StateConflictException("This consent state was issued already.");
        state.State.Request = request;
        state.State.ExpiresAt = time.GetUtcNow() + lifetime;
        await state.WriteStateAsync();
        // Reminders tick at most once a minute; a state lives ten by default.
        var due = lifetime < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : lifetime;
        await this.RegisterOrUpdateReminder(ExpiryReminder, due, TimeSpan.FromMinutes(10));
    }

    public async Task<ConsentRequest?> RedeemAsync()
    {
        if (state.State.Request is null || state.State.Redeemed)
            return null;
        var request = state.State.ExpiresAt > time.GetUtcNow() ? state.State.Request : null;
        // Used up either way (even when expired, so the answer never changes back): nothing of it needs keeping.
        state.State.Redeemed = true;
        await ForgetAsync();
        return request;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder && (state.State.Request is null || state.State.ExpiresAt <= time.GetUtcNow()))
            await ForgetAsync();
    }

    private async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }
}
