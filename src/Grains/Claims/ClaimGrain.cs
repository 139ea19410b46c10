using System.Globalization;

namespace Opside.Grains.Claims;

/// <summary>
/// One claim. A change (new facts, a status the calendar moved, a resolution) appends a history entry, bumps the
/// version, persists, then projects to the read model; a call that changes nothing writes nothing, which is what makes
/// re-running detection idempotent.
/// </summary>
[GrainType("claim")]
public sealed class ClaimGrain(
    [PersistentState("claim")] IPersistentState<ClaimGrainState> state,
    ClaimProjector projector) : Grain, IClaimGrain
{
    private const string Detector = "detector";
    private const string Clock = "clock";

    /// <summary>The history actor of a dismissal by the seller's detection settings (see <see cref="ClaimStatus.Dismissed"/>).</summary>
    public const string Settings = "settings";

    // Zero in a fresh activation: the first call projects the current version again (a no-op in the read model when
    // it is there), which repairs a projection lost between the state write and the read model write.
    private long _projectedVersion;

    public async Task<ClaimSnapshot> UpsertAsync(ClaimFacts facts, DateOnly asOf, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var current = state.State.Claim;
        var status = facts.StatusOn(asOf);
        if (current is not null && (current.Status == status && current.Facts.SameAs(facts) || DismissedByAPerson(current)))
        {
            await ProjectAsync(current);
            return current;
        }

        var note = current is null ? $"Detected: {Describe(facts)}." : Changes(current, facts, status);
        return await ChangeAsync(current, facts, status, new ClaimHistoryEntry(at, current?.Status, status, Detector, note));
    }

    public async Task<ClaimSnapshot?> ResolveAsync(DateTimeOffset at, string note)
    {
        var current = state.State.Claim;
        if (current is null || current.Status == ClaimStatus.ResolvedByAmazon)
        {
            if (current is not null)
                await ProjectAsync(current);
            return current;
        }

        return await ChangeAsync(current, current.Facts, ClaimStatus.ResolvedByAmazon,
            new ClaimHistoryEntry(at, current.Status, ClaimStatus.ResolvedByAmazon, Detector, note));
    }

    public async Task<ClaimSnapshot?> DismissAsync(DateTimeOffset at, string by, string note)
    {
        var current = state.State.Claim;
        if (current is null || current.Status == ClaimStatus.Dismissed)
        {
            if (current is not null)
                await ProjectAsync(current);
            return current;
        }

        return await ChangeAsync(current, current.Facts, ClaimStatus.Dismissed, new ClaimHistoryEntry(at, current.Status, ClaimStatus.Dismissed, by, note));
    }

    public async Task<ClaimSnapshot?> ReevaluateAsync(DateOnly asOf, DateTimeOffset at)
    {
        var current = state.State.Claim;
        if (current is null)
            return null;
        var status = current.Facts.StatusOn(asOf);
        if (current.Status is ClaimStatus.ResolvedByAmazon or ClaimStatus.Dismissed || current.Status == status)
        {
            await ProjectAsync(current);
            return current;
        }

        var f = current.Facts;
        var note = string.Create(CultureInfo.InvariantCulture, $"On {asOf:yyyy-MM-dd}, window {f.WindowOpens:yyyy-MM-dd} to {f.WindowCloses:yyyy-MM-dd}.");
        return await ChangeAsync(current, f, status, new ClaimHistoryEntry(at, current.Status, status, Clock, note));
    }

    public Task<ClaimSnapshot?> GetAsync() => Task.FromResult(state.State.Claim);

    private async Task<ClaimSnapshot> ChangeAsync(ClaimSnapshot? current, ClaimFacts facts, ClaimStatus status, ClaimHistoryEntry entry)
    {
        var claim = new ClaimSnapshot(this.GetPrimaryKeyString(), facts, status, [.. current?.History ?? [], entry], (current?.Version ?? 0) + 1);
        state.State.Claim = claim;
        await state.WriteStateAsync();
        await ProjectAsync(claim);
        return claim;
    }

    private async Task ProjectAsync(ClaimSnapshot claim)
    {
        if (claim.Version <= _projectedVersion)
            return;
        await projector.ProjectAsync(ClaimJson.ToRecord(claim));
        _projectedVersion = claim.Version;
    }

    /// <summary>Dismissed by someone other than the settings: a person's decision, which detection does not undo.</summary>
    private static bool DismissedByAPerson(ClaimSnapshot claim) =>
        claim.Status == ClaimStatus.Dismissed && claim.History[^1].By != Settings;

    private static string Describe(ClaimFacts f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Units} units, value {Value(f.EstimatedValue)}");

    /// <summary>Names what changed, so a person reading the history sees why the version moved.</summary>
    private static string Changes(ClaimSnapshot current, ClaimFacts facts, ClaimStatus status)
    {
        var before = current.Facts;
        var changes = new List<string>();
        if (before.Units != facts.Units)
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"units {before.Units} → {facts.Units}"));
        if (before.EstimatedValue != facts.EstimatedValue)
            changes.Add($"value {Value(before.EstimatedValue)} → {Value(facts.EstimatedValue)}");
        if (current.Status != status)
            changes.Add(current.Status switch
            {
                ClaimStatus.ResolvedByAmazon => "found again after it was resolved",
                ClaimStatus.Dismissed => "claimed again: the seller's settings include it",
                _ => $"status {current.Status} → {status}",
            });
        if (changes.Count == 0 || !(before with { Units = facts.Units, EstimatedValue = facts.EstimatedValue }).SameAs(facts))
            changes.Add("evidence updated");
        return $"Re-detected: {string.Join("; ", changes)}.";
    }

    private static string Value(ClaimMoney? value) =>
        value is null ? "unknown (needs a cost document)" : string.Create(CultureInfo.InvariantCulture, $"{value.Amount} {value.Currency}");
}
