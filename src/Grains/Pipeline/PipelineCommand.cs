namespace Opside.Grains.Pipeline;

/// <summary>A command the seller's pipeline runs: a sync, or the ingest of an upload (<see cref="UploadId"/>).</summary>
[GenerateSerializer, Immutable, Alias("opside.pipeline.command")]
public sealed record PipelineCommand(
    [property: Id(0)] PipelineCommandKind Kind,
    [property: Id(1)] string? UploadId,
    [property: Id(2)] DateTimeOffset QueuedAt)
{
    public override string ToString() => UploadId is null ? Kind.ToString() : $"{Kind} {UploadId}";
}

[GenerateSerializer, Alias("opside.pipeline.command-kind")]
public enum PipelineCommandKind
{
    Sync,
    Ingest,
}
