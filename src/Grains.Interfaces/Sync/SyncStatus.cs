namespace Opside.Grains.Sync;

/// <summary>
/// Keeps one seller's data plane in step with Amazon: a persisted reminder starts a sync every
/// <c>Sync:Interval</c>, and a sync can be asked for now. Separate from the seller grain, and the sync itself runs
/// in the background of this activation, so a sync that takes an hour blocks no other call.
/// </summary>
[Alias("opside.sync.seller-sync")]
public interface ISellerSyncGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a sync now, or, while one runs, queues exactly one more to follow it (further requests coalesce into
    /// that one). Answers <see cref="SyncState.Running"/> or <see cref="SyncState.Queued"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The seller has no Amazon connection.</exception>
    [Alias("start")]
    Task<SyncState> StartAsync();

    /// <summary>Registers the periodic reminder (idempotent) and starts the first sync when none has run yet.</summary>
    [Alias("schedule")]
    Task ScheduleAsync();

    [Alias("status")]
    Task<SyncStatus> GetStatusAsync();
}

[GenerateSerializer, Alias("opside.sync.state")]
public enum SyncState
{
    Idle,
    Queued,
    Running,
    Failed,
}

/// <summary>The seller's sync as the API shows it, with each source's progress.</summary>
[GenerateSerializer, Immutable, Alias("opside.sync.status")]
public sealed record SyncStatus(
    [property: Id(0)] SyncState State,
    [property: Id(1)] DateTimeOffset? LastStartedAt,
    [property: Id(2)] DateTimeOffset? LastCompletedAt,
    [property: Id(3)] string? LastError,
    [property: Id(4)] DateTimeOffset? NextScheduledAt,
    [property: Id(5)] IReadOnlyList<SourceSyncStatus> Sources);

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
