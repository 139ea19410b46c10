using Opside.DataPlane.Reports;

namespace Opside.DataPlane.Uploads;

/// <summary>
/// What reading an uploaded document found, in bounded memory: the rows and rejected lines counted, the first
/// rejected lines kept, and the span the rows cover (null without rows, or for a document that replaces everything).
/// </summary>
public sealed record UploadScan(long Rows, long RejectedRows, IReadOnlyList<RejectedRow> Errors, UploadRange? Range);

/// <summary>The span of a source an upload replaces: [<see cref="Start"/>, <see cref="End"/>).</summary>
public sealed record UploadRange(DateTimeOffset Start, DateTimeOffset End);
