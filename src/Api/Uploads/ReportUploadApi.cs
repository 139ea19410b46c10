using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.Sellers;
using Opside.DataPlane.Uploads;
using Opside.Grains.Sellers;
using Opside.Grains.Uploads;

namespace Opside.Api.Uploads;

/// <summary>
/// Reports a seller exported from Seller Central, uploaded as the file is, and their progress. The file is read
/// whole and staged before the answer; a fatal problem (unknown report, missing column, invalid gzip, an over-long
/// line, too large sent or inflated) changes nothing. Rows that cannot be read are counted and the first listed with
/// their line numbers; the others replace the seller's rows of that report over the dates the file covers, in the
/// seller's pipeline, after the answer (detection follows), so uploading the same file twice changes nothing.
/// </summary>
public static class ReportUploadApi
{
    public static RouteGroupBuilder MapReportUploadApi(this RouteGroupBuilder seller)
    {
        seller.MapPost("/reports/{reportType}", UploadAsync).WithTags("Uploads")
            .WithSummary("Uploads a report as Seller Central exports it (TSV, or gzip with Content-Encoding: gzip); 202 once read and staged.")
            // Any Content-Type: Seller Central's files arrive as text/plain, text/tab-separated-values or octet-stream,
            // and only the charset in it matters.
            .DisableAntiforgery();
        seller.MapGet("/uploads/{uploadId}", GetAsync).WithTags("Uploads")
            .WithSummary("An upload's status (Staged, Ingesting, Completed, Rejected, Failed), counts, first errors and when it finished.");
        return seller;
    }

    private static async Task<Results<Accepted<UploadResult>, ProblemHttpResult>> UploadAsync(
        string sellerId, string reportType, HttpRequest request, IGrainFactory grains, IOptions<UploadOptions> options,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        if (!UploadKinds.ReportTypes.Contains(reportType.Trim(), StringComparer.OrdinalIgnoreCase) || UploadKinds.For(reportType) is not { } kind)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Opside does not read this report type.",
                detail: $"'{reportType}' is not one of: {string.Join(", ", UploadKinds.ReportTypes.Order(StringComparer.Ordinal))}.");

        var (upload, problem) = await UploadReceiver.ReceiveAsync(grains, sellerId, kind, request, options.Value, cancellationToken);
        if (problem is not null)
            return problem;
        if (upload!.Status == UploadStatus.Rejected)
            return Uploads.Rejected(upload, "No row of the report can be stored.");
        return TypedResults.Accepted($"/api/sellers/{sellerId}/uploads/{upload.UploadId}", Uploads.Result(upload));
    }

    private static async Task<Results<Ok<UploadView>, ProblemHttpResult>> GetAsync(string sellerId, string uploadId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null || !IsUploadId(uploadId))
            return SellersApi.NotFound();
        return await grains.GetGrain<IUploadGrain>(UploadKey.Of(sellerId, uploadId)).GetAsync() is { } upload
            ? TypedResults.Ok(upload)
            : SellersApi.NotFound();
    }

    /// <summary>Upload ids are 32 hex digits: anything else names no upload, and must not activate a grain.</summary>
    private static bool IsUploadId(string uploadId) => uploadId.Length == 32 && uploadId.All(char.IsAsciiHexDigitLower);
}
