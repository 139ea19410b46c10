using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Grains.Sellers;

namespace Opside.Api.Sellers;

public static class SellersApi
{
    /// <summary>Every route under <c>/api/sellers/{sellerId}</c> goes through <see cref="SellerAccessFilter"/>.</summary>
    public static RouteGroupBuilder MapSellersApi(this IEndpointRouteBuilder endpoints)
    {
        var seller = endpoints.MapGroup("/api/sellers/{sellerId}")
            .WithTags("Sellers")
            .RequireAuthorization()
            .AddEndpointFilter<SellerAccessFilter>();
        seller.MapGet("/", GetProfileAsync).WithSummary("The seller's profile.");
        return seller;
    }

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such seller.");

    private static async Task<Results<Ok<SellerProfileResponse>, ProblemHttpResult>> GetProfileAsync(string sellerId, IGrainFactory grains) =>
        await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is { } profile
            ? TypedResults.Ok(new SellerProfileResponse(profile.SellerId, profile.CompanyName, profile.CreatedAt))
            : NotFound();
}

public sealed record SellerProfileResponse(string SellerId, string CompanyName, DateTimeOffset CreatedAt);
