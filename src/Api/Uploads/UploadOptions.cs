using Opside.DataPlane.Reports;

namespace Opside.Api.Uploads;

/// <summary>Bound from <c>Uploads</c>: limits on the documents sellers upload.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>The largest upload accepted, in bytes as sent (compressed, when it is); larger ones get 413.</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most a gzip upload may inflate to, in bytes; past it the upload gets 413 (a gzip bomb is refused as it inflates).</summary>
    public long MaxInflatedBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The longest line accepted, in characters; a longer one rejects the upload with 400 naming the line.</summary>
    public int MaxLineLength { get; set; } = 1024 * 1024;

    /// <summary>How many rejected rows an answer lists (all are counted).</summary>
    public int MaxErrorsListed { get; set; } = 100;

    public ReportReadLimits ReadLimits => new(MaxInflatedBytes, MaxLineLength, MaxErrorsListed);
}
