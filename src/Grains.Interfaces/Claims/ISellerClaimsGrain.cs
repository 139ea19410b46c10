namespace Opside.Grains.Claims;

/// <summary>
/// Runs detection for one seller and keeps its claims' statuses moving with the calendar through a daily reminder.
/// Called by the seller's pipeline alone (<see cref="Pipeline.ISellerPipelineGrain"/>), after the data commands it
/// runs, so detection never reads a data plane that is being replaced; its own state (the claims the last run found)
/// is separate from the pipeline's so a detection is one call.
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
}

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
