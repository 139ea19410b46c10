using Opside.Grains.Scoring;

namespace Opside.Grains.Claims;

/// <summary>
/// One claim, keyed by its deterministic id (docs/claim-rules.md: a stable hash of seller, type and key). Every change is
/// a history entry and a new version, projected to the claims read model; a call that changes nothing writes nothing.
/// </summary>
[Alias("opside.claims.claim")]
public interface IClaimGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the claim or updates its units, value, evidence and status (by date on <paramref name="asOf"/>). A
    /// resolved claim found again reopens, as does one the seller's settings dismissed; one a person dismissed stays
    /// dismissed. The same facts on the same day change nothing.
    /// </summary>
    [Alias("upsert")]
    Task<ClaimSnapshot> UpsertAsync(ClaimFacts facts, DateOnly asOf, DateTimeOffset at);

    /// <summary>
    /// As <see cref="UpsertAsync(ClaimFacts, DateOnly, DateTimeOffset)"/>, and scores the claim with
    /// <paramref name="scoring"/>, the seller's scoring context of this run, which the claim keeps for its later changes.
    /// A new score alone is a new version without a history entry.
    /// </summary>
    [Alias("upsert-scored")]
    Task<ClaimSnapshot> UpsertAsync(ClaimFacts facts, DateOnly asOf, DateTimeOffset at, ScoringContext scoring);

    /// <summary>Marks the claim <see cref="ClaimStatus.ResolvedByAmazon"/> (no-op when it already is, or was never detected).</summary>
    [Alias("resolve")]
    Task<ClaimSnapshot?> ResolveAsync(DateTimeOffset at, string note);

    /// <summary>
    /// Marks the claim <see cref="ClaimStatus.Dismissed"/>, recording who (<paramref name="by"/>) and why (no-op when it
    /// already is, or was never detected). Detection reopens it only when the settings dismissed it.
    /// </summary>
    [Alias("dismiss")]
    Task<ClaimSnapshot?> DismissAsync(DateTimeOffset at, string by, string note);

    /// <summary>Moves an open claim's status with the calendar (Watching → Claimable on the opening day → Expired after closing).</summary>
    [Alias("reevaluate")]
    Task<ClaimSnapshot?> ReevaluateAsync(DateOnly asOf, DateTimeOffset at);

    /// <summary>As <see cref="ReevaluateAsync(DateOnly, DateTimeOffset)"/>, and scores an open claim again on <paramref name="asOf"/>: the daily score.</summary>
    [Alias("reevaluate-scored")]
    Task<ClaimSnapshot?> ReevaluateAsync(DateOnly asOf, DateTimeOffset at, ScoringContext scoring);

    /// <summary>
    /// Records the Seller Central case the claim was filed as (docs/claim-workflow.md, "Filing"). Refused (409) unless the
    /// claim was Claimable on the filing day: before the window opens is premature, after it closes is late. The same
    /// case id again answers the claim as it is; another case id for a filed claim is refused. Not found (404) unless
    /// the claim is <paramref name="sellerId"/>'s.
    /// </summary>
    [Alias("file")]
    Task<ClaimSnapshot> FileAsync(string sellerId, string caseId, DateTimeOffset filedAt, string by);

    /// <summary>Records Amazon's answer to a filed case: Approved, PartiallyApproved or Denied; the same answer again changes nothing.</summary>
    [Alias("decide")]
    Task<ClaimSnapshot> DecideAsync(string sellerId, ClaimStatus outcome, string? note, string by);

    /// <summary>A person's choice not to claim it (before filing only); detection does not reopen it.</summary>
    [Alias("dismiss-by-person")]
    Task<ClaimSnapshot> DismissByPersonAsync(string sellerId, string reason, string by);

    /// <summary>
    /// Counts the reimbursement rows paid on the claim's case and the reversals of them (each row once however often it
    /// is given), moving a filed claim to Reimbursed with what was recovered. No-op for a claim never filed.
    /// </summary>
    [Alias("reconcile")]
    Task<ClaimSnapshot?> ReconcileAsync(IReadOnlyList<CasePayment> payments, DateTimeOffset at);

    /// <summary>The claim, or null when detection never found it.</summary>
    [Alias("get")]
    Task<ClaimSnapshot?> GetAsync();
}
