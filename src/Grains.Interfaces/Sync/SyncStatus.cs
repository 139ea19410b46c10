namespace Opside.Grains.Sync;

[GenerateSerializer, Alias("opside.sync.state")]
public enum SyncState
{
    Idle,
    Queued,
    Running,
    Failed,
}

/// <summary>
/// The seller's sync as the API shows it, with each source's progress, and the seller's pipeline around it: the
/// commands waiting behind the one running, whether a detection is pending, and when detection last ran.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.sync.status")]
public sealed record SyncStatus(
    [property: Id(0)] SyncState State,
    [property: Id(1)] DateTimeOffset? LastStartedAt,
    [property: Id(2)] DateTimeOffset? LastCompletedAt,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? NextScheduledAt,
    [property: Id(5)] IReadOnlyList<SourceSyncStatus> Sources,
    [property: Id(6)] PipelineStatus Pipeline);

/// <summary>
/// The seller's pipeline: the command running (<c>Sync</c>, <c>Ingest</c> or <c>Detect</c>, or null when idle), the
/// commands queued behind it in order, whether a detection is pending, and when detection last completed.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.pipeline.status")]
public sealed record PipelineStatus(
    [property: Id(0)] string? Running,
    [property: Id(1)] IReadOnlyList<string> Queued,
    [property: Id(2)] bool DetectionPending,
    [property: Id(3)] DateTimeOffset? LastDetectedAt,
    [property: Id(4)] string? LastDetectionError);

/// <summary>
/// One source's progress: how far it is synced (<see cref="SyncedThrough"/>: every row before it is in the
/// data plane), the rows the last successful fetch wrote, the rows the data plane holds now, and its last error
/// until a later run succeeds.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.sync.source-status")]
public sealed record SourceSyncStatus(
    [property: Id(0)] string Source,
    [property: Id(1)] string State,
    [property: Id(2)] DateTimeOffset? SyncedThrough,
    [property: Id(3)] DateTimeOffset? LastSucceededAt,
    [property: Id(4)] long RowsLastFetched,
    [property: Id(5)] string? LastError,
    [property: Id(6)] DateTimeOffset? LastAttemptAt,
    [property: Id(7)] long RowsStored);
