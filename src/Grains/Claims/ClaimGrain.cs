using System.Globalization;
using Opside.Grains.Errors;
using Opside.Grains.Scoring;

namespace Opside.Grains.Claims;

/// <summary>
/// One claim. A change (new facts, a status the calendar moved, a resolution) appends a history entry, bumps the
/// version, persists, then projects to the read model; a call that changes nothing writes nothing, which is what makes
/// re-running detection idempotent. An open claim (Watching, Claimable, Filed) is scored by the refund model on each
/// change and each detection or daily run (docs/model-card.md, "Serving"); a new score alone is a new version
/// without a history entry, and a failed score keeps the last one.
/// </summary>
[GrainType("claim")]
public sealed partial class ClaimGrain(
    [PersistentState("claim")] IPersistentState<ClaimGrainState> state,
    ClaimProjector projector,
    TimeProvider time,
    ILogger<ClaimGrain> logger) : Grain, IClaimGrain
{
    private const string Detector = "detector";
    private const string Clock = "clock";
    private const string Reconciler = "reconciler";

    /// <summary>The history actor of a dismissal by the seller's detection settings (see <see cref="ClaimStatus.Dismissed"/>).</summary>
    public const string Settings = "settings";

    /// <summary>The key under which the API's correlation middleware puts the request's id into Orleans' RequestContext.</summary>
    private const string CorrelationKey = "CorrelationId";

    // Zero in a fresh activation: the first call projects the current version again (a no-op in the read model when
    // it is there), which repairs a projection lost between the state write and the read model write.
    private long _projectedVersion;

    public Task<ClaimSnapshot> UpsertAsync(ClaimFacts facts, DateOnly asOf, DateTimeOffset at) => UpsertAsync(facts, asOf, at, null);

    public async Task<ClaimSnapshot> UpsertAsync(ClaimFacts facts, DateOnly asOf, DateTimeOffset at, ScoringContext? scoring)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Remember(scoring);
        var current = state.State.Claim;
        var status = facts.StatusOn(asOf);
        // A filed claim's facts are the ones its case was filed with; the workflow, not detection, moves it on.
        if (current is not null && (current.Status == status && current.Facts.SameAs(facts) || DismissedByAPerson(current) || current.Status.IsFiled()))
            return await RescoredAsync(current, asOf);

        var note = current is null ? $"Detected: {Describe(facts)}." : Changes(current, facts, status);
        return await ChangeAsync(current, facts, status, [Entry(at, current?.Status, status, Detector, note)], asOf);
    }

    public async Task<ClaimSnapshot?> ResolveAsync(DateTimeOffset at, string note)
    {
        var current = state.State.Claim;
        if (current is null || current.Status == ClaimStatus.ResolvedByAmazon || current.Status.IsFiled())
            return current is null ? null : await UnchangedAsync(current);

        return await ChangeAsync(current, current.Facts, ClaimStatus.ResolvedByAmazon,
            Entry(at, current.Status, ClaimStatus.ResolvedByAmazon, Detector, note));
    }

    public async Task<ClaimSnapshot?> DismissAsync(DateTimeOffset at, string by, string note)
    {
        var current = state.State.Claim;
        if (current is null || current.Status == ClaimStatus.Dismissed || current.Status.IsFiled())
            return current is null ? null : await UnchangedAsync(current);

        return await ChangeAsync(current, current.Facts, ClaimStatus.Dismissed, Entry(at, current.Status, ClaimStatus.Dismissed, by, note));
    }

    public Task<ClaimSnapshot?> ReevaluateAsync(DateOnly asOf, DateTimeOffset at) => ReevaluateAsync(asOf, at, null);

    public async Task<ClaimSnapshot?> ReevaluateAsync(DateOnly asOf, DateTimeOffset at, ScoringContext? scoring)
    {
        Remember(scoring);
        var current = state.State.Claim;
        if (current is null)
            return null;
        var status = current.Facts.StatusOn(asOf);
        if (current.Status is ClaimStatus.ResolvedByAmazon or ClaimStatus.Dismissed || current.Status.IsFiled() || current.Status == status)
            return await RescoredAsync(current, asOf);

        var f = current.Facts;
        var note = string.Create(CultureInfo.InvariantCulture, $"On {asOf:yyyy-MM-dd}, window {f.WindowOpens:yyyy-MM-dd} to {f.WindowCloses:yyyy-MM-dd}.");
        return await ChangeAsync(current, f, status, [Entry(at, current.Status, status, Clock, note)], asOf);
    }

    public async Task<ClaimSnapshot> FileAsync(string sellerId, string caseId, DateTimeOffset filedAt, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var current = Owned(sellerId);
        if (current.Filing is { } filing)
        {
            if (filing.CaseId != caseId)
                throw new StateConflictException($"The claim is {current.Status} as case {filing.CaseId}; it cannot be filed again as case {caseId}.");
            return await UnchangedAsync(current);
        }

        var f = current.Facts;
        var day = DateOnly.FromDateTime(filedAt.UtcDateTime);
        if (current.Status is ClaimStatus.ResolvedByAmazon or ClaimStatus.Dismissed)
            throw new StateConflictException($"The claim is {current.Status}: there is nothing to file.");
        if (day < f.WindowOpens)
            throw new StateConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim is {current.Status}: filing on {day:yyyy-MM-dd} is premature, its window opens on {f.WindowOpens:yyyy-MM-dd} (Amazon may still pay by itself)."));
        if (day > f.WindowCloses)
            throw new StateConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim is {current.Status}: filing on {day:yyyy-MM-dd} is late, its window closed on {f.WindowCloses:yyyy-MM-dd}."));

        var note = string.Create(CultureInfo.InvariantCulture, $"Filed as case {caseId} on {filedAt:yyyy-MM-dd HH:mm} UTC.");
        return await ChangeAsync(current with { Filing = new ClaimFiling(caseId, filedAt, by) }, f, ClaimStatus.Filed,
            Entry(time.GetUtcNow(), current.Status, ClaimStatus.Filed, by, note));
    }

    public async Task<ClaimSnapshot> DecideAsync(string sellerId, ClaimStatus outcome, string? note, string by)
    {
        if (outcome is not (ClaimStatus.Approved or ClaimStatus.PartiallyApproved or ClaimStatus.Denied))
            throw new InvalidRequestException($"'{outcome}' is not a decision: expected Approved, PartiallyApproved or Denied.");
        var current = Owned(sellerId);
        if (current.Status == outcome)
            return await UnchangedAsync(current);
        if (current.Status != ClaimStatus.Filed)
            throw new StateConflictException($"The claim is {current.Status}: a decision is recorded only for a Filed claim.");

        var text = $"Case {current.Filing!.CaseId}: Amazon's decision is {outcome}." + (string.IsNullOrWhiteSpace(note) ? "" : $" {note.Trim()}");
        return await ChangeAsync(current, current.Facts, outcome, Entry(time.GetUtcNow(), current.Status, outcome, by, text));
    }

    public async Task<ClaimSnapshot> DismissByPersonAsync(string sellerId, string reason, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var current = Owned(sellerId);
        if (current.Status == ClaimStatus.Dismissed && DismissedByAPerson(current))
            return await UnchangedAsync(current);
        if (current.Status.IsFiled())
            throw new StateConflictException($"The claim is {current.Status} as case {current.Filing!.CaseId}: record Amazon's decision instead of dismissing it.");

        return await ChangeAsync(current, current.Facts, ClaimStatus.Dismissed,
            Entry(time.GetUtcNow(), current.Status, ClaimStatus.Dismissed, by, $"Dismissed: {reason.Trim()}"));
    }

    public async Task<ClaimSnapshot?> ReconcileAsync(IReadOnlyList<CasePayment> payments, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var current = state.State.Claim;
        if (current is null)
            return null;
        if (current.Filing is null || payments.Count == 0)
            return await UnchangedAsync(current);

        var rows = CaseRecovery.Merge(current.Payments, payments);
        var recovery = CaseRecovery.Sum(rows)!;
        if (recovery.SameAs(current.Recovered) && current.Status == ClaimStatus.Reimbursed)
            return await UnchangedAsync(current);

        var paid = current with { Payments = rows, Recovered = recovery };
        var entries = new List<ClaimHistoryEntry>();
        var caseId = current.Filing.CaseId;
        if (current.Status is ClaimStatus.Filed or ClaimStatus.Denied && CaseRecovery.IsPartial(current.Facts, recovery))
            entries.Add(Entry(at, current.Status, ClaimStatus.PartiallyApproved, Reconciler,
                $"Case {caseId} paid less than claimed: {CaseRecovery.Describe(recovery)} of {current.Facts.Units} units claimed."));
        var from = entries.Count > 0 ? ClaimStatus.PartiallyApproved : current.Status;
        var note = current.Status == ClaimStatus.Reimbursed
            ? $"Case {caseId} recovery changed from {CaseRecovery.Describe(current.Recovered!)} to {CaseRecovery.Describe(recovery)}."
            : $"Case {caseId} paid: {CaseRecovery.Describe(recovery)}.";
        entries.Add(Entry(at, from, ClaimStatus.Reimbursed, Reconciler, note));
        return await ChangeAsync(paid, current.Facts, ClaimStatus.Reimbursed, [.. entries], Today);
    }

    public Task<ClaimSnapshot?> GetAsync() => Task.FromResult(state.State.Claim);

    /// <summary>The claim, if it is the seller's: another seller's claim id is unknown here, not forbidden.</summary>
    private ClaimSnapshot Owned(string sellerId) =>
        state.State.Claim is { } claim && claim.Facts.SellerId == sellerId
            ? claim
            : throw new ResourceNotFoundException("No such claim.");

    private async Task<ClaimSnapshot> UnchangedAsync(ClaimSnapshot current)
    {
        await ProjectAsync(current);
        return current;
    }

    private Task<ClaimSnapshot> ChangeAsync(ClaimSnapshot? current, ClaimFacts facts, ClaimStatus status, ClaimHistoryEntry entry) =>
        ChangeAsync(current, facts, status, [entry], Today);

    private async Task<ClaimSnapshot> ChangeAsync(ClaimSnapshot? current, ClaimFacts facts, ClaimStatus status, ClaimHistoryEntry[] entries, DateOnly asOf)
    {
        var claim = current is null
            ? new ClaimSnapshot(this.GetPrimaryKeyString(), facts, status, entries, 1)
            : current with { Facts = facts, Status = status, History = [.. current.History, .. entries], Version = current.Version + 1 };
        claim = claim with { Score = await ScoreAsync(claim, asOf) ?? claim.Score };
        return await SaveAsync(claim);
    }

    /// <summary>The claim scored again on <paramref name="asOf"/>: a new version only when the score moved.</summary>
    private async Task<ClaimSnapshot> RescoredAsync(ClaimSnapshot current, DateOnly asOf)
    {
        var score = await ScoreAsync(current, asOf);
        if (score is null || score.SameAs(current.Score))
            return await UnchangedAsync(current);
        return await SaveAsync(current with { Score = score, Version = current.Version + 1 });
    }

    private async Task<ClaimSnapshot> SaveAsync(ClaimSnapshot claim)
    {
        state.State.Claim = claim;
        await state.WriteStateAsync();
        await ProjectAsync(claim);
        return claim;
    }

    /// <summary>Keeps the run's scoring context, written with the claim's next change.</summary>
    private void Remember(ScoringContext? scoring)
    {
        if (scoring is not null)
            state.State.Scoring = scoring;
    }

    /// <summary>
    /// The refund model's score of an open claim, or null: closed claims keep their last score, none is served, or
    /// scoring failed (the claim's change must not fail for it; the next run scores it again).
    /// </summary>
    private async Task<ClaimScoreView?> ScoreAsync(ClaimSnapshot claim, DateOnly asOf)
    {
        if (claim.Status is not (ClaimStatus.Watching or ClaimStatus.Claimable or ClaimStatus.Filed))
            return null;
        try
        {
            return await GrainFactory.GetGrain<IClaimScoringGrain>(0).ScoreAsync(Claim.From(claim), asOf, state.State.Scoring ?? ScoringContext.Unknown);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogScoringFailed(ex, claim.ClaimId);
            return null;
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring claim {ClaimId} failed; it keeps its last score")]
    private partial void LogScoringFailed(Exception exception, string claimId);

    private static ClaimHistoryEntry Entry(DateTimeOffset at, ClaimStatus? from, ClaimStatus to, string by, string note) =>
        new(at, from, to, by, note, RequestContext.Get(CorrelationKey) as string);

    private async Task ProjectAsync(ClaimSnapshot claim)
    {
        if (claim.Version <= _projectedVersion)
            return;
        // Not written yet (the projector retries it): the next call hands it over again, which the projector merges.
        if (await projector.ProjectAsync(ClaimJson.ToRecord(claim)))
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
