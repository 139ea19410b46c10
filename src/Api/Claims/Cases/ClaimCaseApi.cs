using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Opside.Api.Sellers;
using Opside.Grains.Claims;
using Opside.Grains.Sellers;

namespace Opside.Api.Claims.Cases;

/// <summary>
/// The case text for one claim (docs/api.md, "Claim workflow"): JSON by default, the text alone for
/// <c>Accept: text/plain</c>. Written from the claim grain's snapshot, which holds what the read model leaves out (the
/// offsets Amazon already paid or found).
/// </summary>
public static class ClaimCaseApi
{
    public static RouteGroupBuilder MapClaimCaseApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/claims/{claimId}/case", GetAsync).WithTags("Claims")
            .WithSummary("The case to file in Seller Central: the text, its facts, the amount requested and the documents to attach; Accept: text/plain for the text alone.")
            .Produces<ClaimCase>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return seller;
    }

    private static async Task<IResult> GetAsync(string sellerId, string claimId, HttpRequest request, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        // The read model first: an id this seller has no claim under activates no grain and answers 404, as another seller's does.
        if (await grains.GetGrain<IClaimsReaderGrain>(0).GetAsync(sellerId, claimId) is null
            || await grains.GetGrain<IClaimGrain>(claimId).GetAsync() is not { } snapshot || snapshot.Facts.SellerId != sellerId)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such claim.");

        var prepared = ClaimCaseWriter.Write(snapshot);
        return WantsText(request) ? TypedResults.Text(prepared.Text, "text/plain; charset=utf-8") : TypedResults.Ok(prepared);
    }

    /// <summary>text/plain ranked above JSON and no lower than */* in the Accept header; an absent header or */* alone gets JSON.</summary>
    private static bool WantsText(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return Quality("text/plain") > Quality("application/json") && Quality("text/plain") >= Quality("*/*");
    }
}
