using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.Sellers;
using Opside.DataPlane.Costs;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;
using Opside.Grains.Sellers;

namespace Opside.Api.Uploads;

/// <summary>
/// The seller's cost catalog (what each SKU costs to make, and the document that proves it), which values lost and
/// damaged units and finds underpaid reimbursements. A PUT replaces the whole catalog with the rows it could read.
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
        string sellerId, HttpRequest request, IGrainFactory grains, IOptions<UploadOptions> options, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        if (services.GetService<IDataPlaneStore>() is not { } store)
            return Uploads.NotAvailable();
        var limits = options.Value;
        if (request.ContentLength > limits.MaxBytes)
            return Uploads.TooLarge(limits.MaxBytes);
        try
        {
            var parse = await CostCatalogCsv.ParseAsync(new SizeLimitedStream(request.Body, limits.MaxBytes), request.ContentType, cancellationToken);
            // A file of which nothing could be read is a mistake, not an empty catalog: keep the one there is.
            if (parse.Rows.Count == 0 && parse.Rejected.Count > 0)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No row of the cost catalog could be read.",
                    detail: string.Join("; ", parse.Rejected.Take(5).Select(r => $"line {r.Line}: {r.Reason}")));
            await store.ReplaceCostCatalogAsync(sellerId, parse.Rows, cancellationToken);
            // Costs change claim values (and underpayments): the claims reflect the new catalog once it is accepted.
            await grains.GetGrain<ISellerClaimsGrain>(sellerId).DetectAsync();
            return TypedResults.Ok(Uploads.Result(parse.Rows.Count, parse.Rejected, limits));
        }
        catch (ReportFormatException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be read as a cost catalog.", detail: e.Message);
        }
        catch (UploadTooLargeException e)
        {
            return Uploads.TooLarge(e.Limit);
        }
    }
}
