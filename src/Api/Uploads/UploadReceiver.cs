using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Uploads;
using Opside.Grains.Uploads;

namespace Opside.Api.Uploads;

/// <summary>
/// Receives an upload for both upload routes: streams the body (held to the sent-size limit, gzip inflated on the fly
/// and held to the inflated limit, every line to the line limit) through the parser, which counts it, while its bytes
/// are staged with the upload's grain; then hands the counts over, which queues the ingest with the seller's pipeline.
/// Memory stays one staged piece and one batch of rows, whatever the file holds; nothing is written to the seller's
/// data here, and a file that cannot be read leaves no trace but its rejected upload record.
/// </summary>
internal static class UploadReceiver
{
    /// <summary>The upload as staged (or rejected for having no rows), or the problem that rejected it.</summary>
    public static async Task<(UploadView? Upload, ProblemHttpResult? Problem)> ReceiveAsync(
        IGrainFactory grains, string sellerId, UploadKind kind, HttpRequest request, UploadOptions limits, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxBytes)
            return (null, Uploads.TooLarge(limits.MaxBytes));
        // Kestrel's own limit (30 MB by default) would cut a large export short: this route's limit is ours.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxBytes + 1;

        var gzip = request.Headers.ContentEncoding.Any(e => e?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        var uploadId = Guid.NewGuid().ToString("N");
        var upload = grains.GetGrain<IUploadGrain>(UploadKey.Of(sellerId, uploadId));
        await upload.BeginAsync(new UploadReceipt(kind.Name, request.ContentType, gzip, limits.MaxInflatedBytes, limits.MaxLineLength));
        var body = new StagingStream(new SizeLimitedStream(request.Body, limits.MaxBytes), upload);
        try
        {
            var scan = await kind.ScanAsync(body, request.ContentType, gzip, limits.ReadLimits, limits.MaxErrorsListed, cancellationToken);
            await body.CompleteAsync(cancellationToken);
            var counts = new UploadCounts(scan.Rows, scan.RejectedRows, [.. scan.Errors.Select(e => new UploadError(e.Line, e.Reason))],
                scan.Range?.Start, scan.Range?.End);
            return (await upload.StageAsync(counts), null);
        }
        catch (ReportFormatException e)
        {
            // An empty body fails as a header without columns; say what it is.
            if (body.Total == 0 && await body.ReadAsync(new byte[1], cancellationToken) == 0)
            {
                await upload.RejectAsync("The upload is empty.");
                return (null, Problem(StatusCodes.Status400BadRequest, "The upload is empty.", "The request has no body: send the file as it was exported.", uploadId));
            }

            await upload.RejectAsync(e.Message);
            return (null, Problem(StatusCodes.Status400BadRequest, "The file cannot be read as this document.", e.Message, uploadId));
        }
        catch (UploadTooLargeException e)
        {
            await upload.RejectAsync(e.Message);
            return (null, Uploads.TooLarge(e.Limit));
        }
        catch (DocumentTooLargeException e)
        {
            await upload.RejectAsync(e.Message);
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "The upload inflates past the limit.",
                $"Gzip uploads may inflate to at most {e.Limit} bytes ({UploadOptions.Section}:MaxInflatedBytes).", uploadId));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing was staged for ingest.
            await upload.RejectAsync("The upload was cut short before its end.");
            throw;
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string uploadId) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["uploadId"] = uploadId, ["status"] = nameof(UploadStatus.Rejected) });
}
