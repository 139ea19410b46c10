using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Sellers;
using Opside.Detection;
using Opside.Grains.Claims;
using Opside.Grains.Sellers;
using ClaimStatus = Opside.Grains.Claims.ClaimStatus;

namespace Opside.Api.Claims;

/// <summary>
/// A seller's claims from the read model the claim grains project to, read on a silo by the claims reader grain so a
/// client-mode API serves them too. These routes validate the filters and the seller and frame the answer.
/// </summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/claims", ListAsync).WithTags("Claims")
            .WithSummary("The seller's claims; filters status, type, dueSoon, anchorFrom, anchorTo, q (part of an FNSKU, SKU, order, shipment, removal order or case id); sort windowCloses, value or anchorDate (- first for descending); pages from 1.");
        seller.MapGet("/claims.csv", ExportAsync).WithTags("Claims")
            .WithSummary("The claims the same filters select, as CSV, every page.");
        seller.MapGet("/summary", SummaryAsync).WithTags("Claims")
            .WithSummary("Counts and value by status and by type, recovered to date, pending value, due soon.");
        seller.MapGet("/claims/{claimId}", GetAsync).WithTags("Claims")
            .WithSummary("One claim with its evidence and history.");
        return seller;
    }

    private static async Task<Results<Ok<ClaimPage>, ProblemHttpResult>> ListAsync(string sellerId, HttpRequest request, IGrainFactory grains)
    {
        if (!ClaimListQuery.TryRead(request.Query, sellerId, allowSort: true, out var query, out var problem))
            return problem;
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await grains.GetGrain<IClaimsReaderGrain>(0).ListAsync(query.Filter, query.Page, query.PageSize));
    }

    private static async Task<IResult> ExportAsync(string sellerId, HttpContext context, IGrainFactory grains)
    {
        if (!ClaimListQuery.TryRead(context.Request.Query, sellerId, allowSort: true, out var query, out var problem))
            return problem;
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return new ClaimsCsvResult(grains, query.Filter, $"claims-{sellerId}.csv");
    }

    private static async Task<Results<Ok<ClaimSummary>, ProblemHttpResult>> SummaryAsync(string sellerId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await grains.GetGrain<IClaimsReaderGrain>(0).SummarizeAsync(sellerId));
    }

    private static async Task<Results<Ok<Claim>, ProblemHttpResult>> GetAsync(string sellerId, string claimId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        // Keyed by seller too: another seller's claim id is unknown here, not forbidden.
        return await grains.GetGrain<IClaimsReaderGrain>(0).GetAsync(sellerId, claimId) is { } claim
            ? TypedResults.Ok(claim)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such claim.");
    }
}
