namespace Opside.Grains.Sync;

/// <summary>What the sync grain remembers of one source between runs.</summary>
[GenerateSerializer, Alias("opside.sync.source-progress")]
public sealed class SourceProgress
{
    /// <summary>Every row before this instant is in the data plane; null until the first success.</summary>
    [Id(0)] public DateTimeOffset? SyncedThrough { get; set; }
    [Id(1)] public DateTimeOffset? LastSucceededAt { get; set; }
    [Id(2)] public DateTimeOffset? LastAttemptAt { get; set; }
    [Id(3)] public long RowsLastFetched { get; set; }
    [Id(4)] public string? LastError { get; set; }

    /// <summary>Set while a source waits out a report-generation cooldown with no reusable report: not an error.</summary>
    [Id(5)] public string? Deferred { get; set; }

    /// <summary>When Opside last asked Amazon to generate this source's report, for the cooldown.</summary>
    [Id(6)] public DateTimeOffset? LastReportRequestedAt { get; set; }

    /// <summary>Rows Amazon sent that could not be read in the last fetch, with the first reasons; they are reported, not hidden.</summary>
    [Id(7)] public string? Rejected { get; set; }
}
