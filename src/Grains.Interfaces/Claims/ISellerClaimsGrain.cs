namespace Opside.Grains.Claims;

/// <summary>
/// Runs detection for one seller and keeps its claims' statuses moving with the calendar through a daily reminder.
/// Detection and reconciliation are called by the seller's pipeline alone (<see cref="Pipeline.ISellerPipelineGrain"/>),
/// after the data commands it runs, so they never read a data plane that is being replaced; its own state (the claims
/// the last run found) is separate from the pipeline's so a detection is one call. One call at a time, so an ops
/// rebuild of the read model never interleaves with a detection.
/// </summary>
[Alias("opside.claims.seller-claims")]
public interface ISellerClaimsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reconciles the seller's filed claims with the reimbursement rows (docs/claim-workflow.md), then detects on the
    /// seller's data as of today (UTC), upserts every candidate's claim and resolves the seller's
    /// open claims that are no longer candidates. Running it twice on the same data changes nothing.
    /// </summary>
    /// <remarks>
    /// A large seller's run (a million ledger rows, thousands of claims) takes seconds, past Orleans' default
    /// 30-second response timeout on a busy silo; the caller waits for the run rather than reporting a false failure.
    /// </remarks>
    [Alias("detect")]
    [ResponseTimeout("00:10:00")]
    Task<ClaimDetectionSummary> DetectAsync();

    /// <summary>
    /// Reconciliation alone, on the reimbursement rows stored now: for a sync whose reimbursements arrived while another
    /// source failed, which runs no detection. Answers how many filed claims were given rows.
    /// </summary>
    [Alias("reconcile")]
    [ResponseTimeout("00:10:00")]
    Task<int> ReconcileAsync();

    /// <summary>
    /// Rewrites the seller's claims read model from the claim grains (docs/claim-workflow.md, "Read model"): every claim
    /// detection made is written as its grain holds it (a newer projection in the read model is kept), and rows no
    /// grain of the seller holds are removed.
    /// </summary>
    [Alias("rebuild-read-model")]
    [ResponseTimeout("00:10:00")]
    Task<ClaimReadModelRebuild> RebuildReadModelAsync();
}

/// <summary>What a rebuild did: the claims the grains hold, the read-model rows it wrote and the stray rows it removed.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.read-model-rebuild")]
public sealed record ClaimReadModelRebuild(
    [property: Id(0)] string SellerId,
    [property: Id(1)] int Claims,
    [property: Id(2)] int Rewritten,
    [property: Id(3)] int Removed);

/// <summary>
/// What a detection run did: the filed claims it reconciled with their case's reimbursements, the day it used, the claims found, the open claims it resolved, the shipments left to a
/// person, and the claim types it withheld because a source that could offset them holds no rows yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.detection-summary")]
public sealed record ClaimDetectionSummary(
    [property: Id(0)] DateOnly AsOf,
    [property: Id(1)] int Claims,
    [property: Id(2)] int Resolved,
    [property: Id(3)] int NeedsReview,
    [property: Id(4)] IReadOnlyList<string>? WithheldTypes = null,
    [property: Id(5)] int Reconciled = 0);
