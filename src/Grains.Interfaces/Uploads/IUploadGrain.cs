namespace Opside.Grains.Uploads;

/// <summary>
/// One document a seller uploaded, keyed <c>{sellerId}/{uploadId}</c> (<see cref="UploadKey"/>): its pieces are staged
/// as the API receives them, its counts recorded once the API has read it all, and its ingest followed by the
/// seller's pipeline, which alone writes its rows.
/// </summary>
[Alias("opside.uploads.upload")]
public interface IUploadGrain : IGrainWithStringKey
{
    /// <summary>Records what is being received; a second call for the same upload changes nothing.</summary>
    [Alias("begin")]
    Task BeginAsync(UploadReceipt receipt);

    /// <summary>Stages the next piece of the document as sent (<paramref name="sequence"/> from 0; a repeat keeps the first copy).</summary>
    [Alias("append")]
    Task AppendAsync(int sequence, byte[] content);

    /// <summary>
    /// The document was read whole: with rows it is <see cref="UploadStatus.Staged"/> and handed to the seller's
    /// pipeline; without any it is <see cref="UploadStatus.Rejected"/> and its staged copy dropped.
    /// </summary>
    [Alias("stage")]
    Task<UploadView> StageAsync(UploadCounts counts);

    /// <summary>The document cannot be read (bad gzip, too large, a missing column): rejected, its staged copy dropped.</summary>
    [Alias("reject")]
    Task<UploadView> RejectAsync(string reason);

    /// <summary>The upload as the API shows it, or null when there is none under this key.</summary>
    [Alias("get")]
    Task<UploadView?> GetAsync();

    /// <summary>For the seller's pipeline: marks the upload Ingesting and answers what to ingest, or null when it is not waiting for an ingest.</summary>
    [Alias("begin-ingest")]
    Task<StagedUpload?> BeginIngestAsync();

    /// <summary>For the seller's pipeline: the rows are stored.</summary>
    [Alias("complete")]
    Task CompleteAsync(long rowsStored);

    /// <summary>For the seller's pipeline: the ingest failed and changed nothing; <paramref name="willRetry"/> says whether it is tried again.</summary>
    [Alias("fail")]
    Task FailAsync(string reason, bool willRetry);
}

/// <summary>The key of an upload's grain: the seller's id and the upload's, so an upload is only ever found under its own seller.</summary>
public static class UploadKey
{
    public static string Of(string sellerId, string uploadId) => $"{sellerId}/{uploadId}";
}

[GenerateSerializer, Alias("opside.uploads.status")]
public enum UploadStatus
{
    /// <summary>The API is still receiving the document (an upload cut short by a crash stays here).</summary>
    Receiving,
    Staged,
    Ingesting,
    Completed,
    Rejected,
    Failed,
}

/// <summary>What an upload is: its kind (report type or cost catalog), how it was sent, and the limits it was read with.</summary>
[GenerateSerializer, Immutable, Alias("opside.uploads.receipt")]
public sealed record UploadReceipt(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] bool Gzip,
    [property: Id(3)] long MaxInflatedBytes,
    [property: Id(4)] int MaxLineLength);

[GenerateSerializer, Immutable, Alias("opside.uploads.error")]
public sealed record UploadError([property: Id(0)] int Line, [property: Id(1)] string Reason);

/// <summary>What reading the whole document found: the rows, the rejected lines (the first few kept), the span the rows cover.</summary>
[GenerateSerializer, Immutable, Alias("opside.uploads.counts")]
public sealed record UploadCounts(
    [property: Id(0)] long Rows,
    [property: Id(1)] long RejectedRows,
    [property: Id(2)] IReadOnlyList<UploadError> Errors,
    [property: Id(3)] DateTimeOffset? RangeStart,
    [property: Id(4)] DateTimeOffset? RangeEnd);

/// <summary>An upload as <c>GET /api/sellers/{sellerId}/uploads/{uploadId}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("opside.uploads.view")]
public sealed record UploadView(
    [property: Id(0)] string UploadId,
    [property: Id(1)] string ReportType,
    [property: Id(2)] UploadStatus Status,
    [property: Id(3)] long Rows,
    [property: Id(4)] long RejectedRows,
    [property: Id(5)] IReadOnlyList<UploadError> Errors,
    [property: Id(6)] DateTimeOffset ReceivedAt,
    [property: Id(7)] DateTimeOffset? CompletedAt,
    [property: Id(8)] string? Reason);

/// <summary>What the pipeline needs to ingest a staged upload.</summary>
[GenerateSerializer, Immutable, Alias("opside.uploads.staged")]
public sealed record StagedUpload(
    [property: Id(0)] UploadReceipt Receipt,
    [property: Id(1)] int Chunks,
    [property: Id(2)] DateTimeOffset? RangeStart,
    [property: Id(3)] DateTimeOffset? RangeEnd);
