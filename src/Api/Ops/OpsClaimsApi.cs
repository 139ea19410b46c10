using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Claims;
using Opside.Api.Sellers;
using Opside.Grains.Claims;
using Opside.Grains.Sellers;

namespace Opside.Api.Ops;

/// <summary>
/// The ops queue (docs/api.md, "Claim workflow"): every seller's claims, soonest window close first, then the most
/// expected recovery, then id; and the rebuild of a seller's claims read model from its claim grains.
/// </summary>
public static class OpsClaimsApi
{
    public static RouteGroupBuilder MapOpsClaimsApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/claims", ListAsync)
            .WithSummary("Claims across sellers, soonest window close first; the same filters as a seller's list except sort.");
        ops.MapPost("/sellers/{sellerId}/claims/rebuild", RebuildAsync)
            .WithSummary("Rewrites the seller's claims read model from its claim grains and removes rows no grain holds.");
        return ops;
    }

    private static async Task<Results<Ok<ClaimPage>, ProblemHttpResult>> ListAsync(HttpRequest request, IGrainFactory grains)
    {
        if (!ClaimListQuery.TryRead(request.Query, sellerId: null, allowSort: false, out var query, out var problem))
            return problem;
        return TypedResults.Ok(await grains.GetGrain<IClaimsReaderGrain>(0).ListAsync(query.Filter, query.Page, query.PageSize));
    }

    private static async Task<Results<Ok<ClaimReadModelRebuild>, ProblemHttpResult>> RebuildAsync(string sellerId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await grains.GetGrain<ISellerClaimsGrain>(sellerId).RebuildReadModelAsync());
    }
}
