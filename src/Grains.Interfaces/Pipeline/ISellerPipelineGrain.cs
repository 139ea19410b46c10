using Orleans.Concurrency;
using Opside.Grains.Claims;
using Opside.Grains.Sync;

namespace Opside.Grains.Pipeline;

/// <summary>
/// The one writer of a seller's data plane and the one caller of its detection. Syncs from Amazon, ingests of
/// uploaded documents and requests for detection are commands, persisted and run one at a time in arrival order in
/// the background of this activation; a call only queues one and answers. Repeats coalesce: a sync asked for while
/// one waits is that one, and every request for detection made while data commands are still queued is answered by
/// one detection after the last of them, so detection always runs on complete data. A silo that dies mid-command
/// loses nothing: the queue is persisted, and the next activation (a reminder brings it back) runs it again.
/// </summary>
[Alias("opside.pipeline.seller-pipeline")]
public interface ISellerPipelineGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues a sync (and starts it when nothing runs), or, while one is queued already, coalesces into it. Answers
    /// <see cref="SyncState.Running"/> or <see cref="SyncState.Queued"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The seller has no Amazon connection.</exception>
    [Alias("start-sync")]
    Task<SyncState> StartSyncAsync();

    /// <summary>Registers the periodic sync reminder (idempotent) and queues the first sync when none has run yet.</summary>
    [Alias("schedule-sync")]
    Task ScheduleSyncAsync();

    /// <summary>Queues the ingest of a staged upload (<see cref="Uploads.IUploadGrain.StageAsync"/> calls it); a repeat is ignored.</summary>
    [Alias("ingest")]
    Task IngestAsync(string uploadId);

    /// <summary>Asks for a detection after whatever is queued (e.g. the seller's settings changed).</summary>
    [Alias("request-detection")]
    Task RequestDetectionAsync();

    /// <summary>
    /// Asks for a detection and answers once one has run after the request, with what it did (null when it failed;
    /// the status says why). For operators and tests: it waits, so it interleaves with the seller's other calls.
    /// </summary>
    [Alias("detect-now")]
    [AlwaysInterleave]
    [ResponseTimeout("00:10:00")]
    Task<ClaimDetectionSummary?> DetectNowAsync();

    [Alias("sync-status")]
    Task<SyncStatus> GetSyncStatusAsync();
}
