using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Claims;
using Opside.Grains.Claims;

namespace Opside.Api.Ops;

/// <summary>The ops queue (docs/api.md, "Claim workflow"): every seller's claims, soonest window close first, then the most expected recovery, then id.</summary>
public static class OpsClaimsApi
{
    public static RouteGroupBuilder MapOpsClaimsApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/claims", ListAsync)
            .WithSummary("Claims across sellers, soonest window close first; the same filters as a seller's list except sort.");
        return ops;
    }

    private static async Task<Results<Ok<ClaimPage>, ProblemHttpResult>> ListAsync(HttpRequest request, IGrainFactory grains)
    {
        if (!ClaimListQuery.TryRead(request.Query, sellerId: null, allowSort: false, out var query, out var problem))
            return problem;
        return TypedResults.Ok(await grains.GetGrain<IClaimsReaderGrain>(0).ListAsync(query.Filter, query.Page, query.PageSize));
    }
}
