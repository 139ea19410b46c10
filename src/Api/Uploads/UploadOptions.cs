namespace Opside.Api.Uploads;

/// <summary>Bound from <c>Uploads</c>: limits on the report files sellers upload.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest upload accepted, in bytes as sent (compressed, when it is); larger ones get 413.</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How many rejected rows an answer lists (all are counted).</summary>
    public int MaxErrorsListed { get; set; } = 100;
}
