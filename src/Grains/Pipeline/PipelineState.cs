namespace Opside.Grains.Pipeline;

[GenerateSerializer, Alias("opside.pipeline.state")]
public sealed class PipelineState
{
    /// <summary>The commands not yet completed, in arrival order; the first is the one running (or to resume).</summary>
    [Id(0)] public List<PipelineCommand> Queue { get; set; } = [];

    /// <summary>
    /// Requests for detection are numbered: a detection started when <see cref="DetectionRequested"/> was n answers
    /// every request up to n, and one asked for while it runs gets another after it.
    /// </summary>
    [Id(1)] public long DetectionRequested { get; set; }

    [Id(2)] public long DetectionCompleted { get; set; }

    [Id(3)] public DateTimeOffset? LastDetectedAt { get; set; }

    [Id(4)] public string? LastDetectionError { get; set; }

    /// <summary>The detection request the last successful sync made: until it is answered the sync shows Running.</summary>
    [Id(5)] public long SyncDetection { get; set; }

    /// <summary>Ingests that failed, by upload id, with how often: queued again on the next activation while attempts remain.</summary>
    [Id(6)] public Dictionary<string, int> FailedIngests { get; set; } = new(StringComparer.Ordinal);
}
