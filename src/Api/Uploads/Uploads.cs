using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Grains.Uploads;

namespace Opside.Api.Uploads;

/// <summary>Answers shared by the upload routes.</summary>
internal static class Uploads
{
    public static UploadResult Result(UploadView upload) =>
        new(upload.UploadId, upload.Status, upload.Rows, upload.RejectedRows, upload.Errors);

    /// <summary>A document of which no row could be stored: 422, with the upload's id, counts and first errors.</summary>
    public static ProblemHttpResult Rejected(UploadView upload, string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: upload.Reason,
            extensions: new Dictionary<string, object?>
            {
                ["uploadId"] = upload.UploadId,
                ["status"] = upload.Status.ToString(),
                ["rows"] = upload.Rows,
                ["rejectedRows"] = upload.RejectedRows,
                ["errors"] = upload.Errors,
            });

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
            detail: $"Uploads are limited to {limit} bytes as sent ({UploadOptions.Section}:MaxBytes).");
}

/// <summary>
/// An upload read and staged: its id (follow it at <c>GET …/uploads/{uploadId}</c>), its status, the rows read, the
/// lines rejected and the first of them with their line numbers.
/// </summary>
public sealed record UploadResult(string UploadId, UploadStatus Status, long Rows, long RejectedRows, IReadOnlyList<UploadError> Errors);
