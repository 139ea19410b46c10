namespace Opside.Grains.Amazon.SpApi;

/// <summary>A report as getReport / getReports describe it (Reports API 2021-06-30).</summary>
public sealed record ReportInfo(
    string ReportId,
    string ReportType,
    DateTimeOffset? DataStartTime,
    DateTimeOffset? DataEndTime,
    DateTimeOffset CreatedTime,
    string ProcessingStatus,
    string? ReportDocumentId)
{
    public const string Done = "DONE";
    public const string Cancelled = "CANCELLED";
    public const string Fatal = "FATAL";

    public bool IsTerminal => ProcessingStatus is Done or Cancelled or Fatal;
}

/// <summary>Where a report document can be downloaded (for five minutes) and whether it is gzip-compressed.</summary>
public sealed record ReportDocumentInfo(string ReportDocumentId, Uri Url, string? CompressionAlgorithm)
{
    public bool IsGzip => string.Equals(CompressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A downloaded document's bytes as sent (still compressed when Amazon compressed it) and its Content-Type.</summary>
public sealed record DownloadedDocument(string ReportDocumentId, byte[] Content, string? ContentType, bool IsGzip);
