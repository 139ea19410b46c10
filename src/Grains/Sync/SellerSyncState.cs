namespace Opside.Grains.Sync;

[GenerateSerializer, Alias("opside.sync.seller-sync-state")]
public sealed class SellerSyncState
{
    [Id(0)] public DateTimeOffset? LastStartedAt { get; set; }
    [Id(1)] public DateTimeOffset? LastCompletedAt { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public DateTimeOffset? NextScheduledAt { get; set; }
    [Id(4)] public Dictionary<string, SourceProgress> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True from the moment a run starts until it is recorded complete: a run cut short by a crash shows as failed.</summary>
    [Id(5)] public bool RunInProgress { get; set; }
}
