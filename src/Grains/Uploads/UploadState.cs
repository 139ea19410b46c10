namespace Opside.Grains.Uploads;

[GenerateSerializer, Alias("opside.uploads.upload-state")]
public sealed class UploadState
{
    [Id(0)] public UploadReceipt? Receipt { get; set; }
    [Id(1)] public UploadStatus Status { get; set; }
    [Id(2)] public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The pieces staged so far: the next one must be this sequence, so none is skipped or doubled.</summary>
    [Id(3)] public int Chunks { get; set; }

    [Id(4)] public UploadCounts? Counts { get; set; }
    [Id(5)] public long RowsStored { get; set; }
    [Id(6)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(7)] public string? Reason { get; set; }
}
