using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.Sellers;
using Opside.DataPlane.Uploads;
using Opside.Grains.Sellers;
using Opside.Grains.Uploads;

namespace Opside.Api.Uploads;

/// <summary>
/// The seller's cost catalog (what each SKU costs to make, and the document that proves it), which values lost and
/// damaged units and finds underpaid reimbursements. A PUT replaces the whole catalog with the rows it could read,
/// staged and ingested like a report upload (follow it at <c>…/uploads/{uploadId}</c>); detection follows.
/// </summary>
public static class CostCatalogApi
{
    public static RouteGroupBuilder MapCostCatalogApi(this RouteGroupBuilder seller)
    {
        seller.MapPut("/costs", PutAsync).WithTags("Uploads")
            .WithSummary("Replaces the cost catalog: CSV sku,unitCost,currency,source,effectiveDate.")
            .DisableAntiforgery();
        return seller;
    }

    private static async Task<Results<Ok<UploadResult>, ProblemHttpResult>> PutAsync(
        string sellerId, HttpRequest request, IGrainFactory grains, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        var (upload, problem) = await UploadReceiver.ReceiveAsync(grains, sellerId, UploadKinds.For(UploadKinds.CostCatalog)!, request, options.Value, cancellationToken);
        if (problem is not null)
            return problem;
        // A file of which nothing could be read is a mistake, not an empty catalog: the one there is stays.
        if (upload!.Status == UploadStatus.Rejected)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No row of the cost catalog could be read.",
                detail: string.Join("; ", upload.Errors.Take(5).Select(r => $"line {r.Line}: {r.Reason}")),
                extensions: new Dictionary<string, object?> { ["uploadId"] = upload.UploadId, ["rejectedRows"] = upload.RejectedRows });
        return TypedResults.Ok(Uploads.Result(upload));
    }
}
