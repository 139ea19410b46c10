using Microsoft.AspNetCore.Http.HttpResults;
using Opside.DataPlane.Reports;

namespace Opside.Api.Uploads;

/// <summary>Answers shared by the upload routes.</summary>
internal static class Uploads
{
    public static UploadResult Result(int rows, IReadOnlyList<RejectedRow> rejected, UploadOptions limits) =>
        new(rows, rejected.Count, [.. rejected.Take(limits.MaxErrorsListed).Select(r => new UploadError(r.Line, r.Reason))]);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
            detail: $"Uploads are limited to {limit} bytes as sent ({UploadOptions.Section}:MaxBytes).");

    public static ProblemHttpResult NotAvailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Uploads are not available on this host.",
            detail: "The API runs as a cluster client without a PostgreSQL data plane.");
}
