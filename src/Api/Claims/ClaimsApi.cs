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
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/claims", ListAsync).WithTags("Claims")
            .WithSummary("The seller's claims, by soonest window close then id; filters status and type, pages from 1.");
        seller.MapGet("/claims/{claimId}", GetAsync).WithTags("Claims")
            .WithSummary("One claim with its evidence and history.");
        return seller;
    }

    private static async Task<Results<Ok<ClaimPage>, ProblemHttpResult>> ListAsync(
        string sellerId, string? status, string? type, string? page, string? pageSize, IGrainFactory grains)
    {
        if (!TryName<ClaimStatus>(status, out var statusName))
            return BadRequest("status", status, Enum.GetNames<ClaimStatus>());
        if (!TryName<ClaimType>(type, out var typeName))
            return BadRequest("type", type, Enum.GetNames<ClaimType>());
        if (!TryNumber(page, 1, int.MaxValue, 1, out var pageNumber))
            return BadRequest("page", page, ["a whole number from 1"]);
        if (!TryNumber(pageSize, 1, MaxPageSize, 50, out var size))
            return BadRequest("pageSize", pageSize, [$"a whole number from 1 to {MaxPageSize}"]);
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();

        var statusFilter = statusName is null ? (ClaimStatus?)null : Enum.Parse<ClaimStatus>(statusName);
        return TypedResults.Ok(await grains.GetGrain<IClaimsReaderGrain>(0).ListAsync(sellerId, statusFilter, typeName, pageNumber, size));
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

    /// <summary>Accepts a name in any case and answers it as the contract spells it; empty means no filter.</summary>
    private static bool TryName<TEnum>(string? value, out string? name)
        where TEnum : struct, Enum
    {
        name = null;
        if (string.IsNullOrEmpty(value))
            return true;
        if (!Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || value.Any(char.IsDigit))
            return false;
        name = parsed.ToString();
        return true;
    }

    private static bool TryNumber(string? value, int min, int max, int fallback, out int number)
    {
        number = fallback;
        if (string.IsNullOrEmpty(value))
            return true;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
    }

    private static ProblemHttpResult BadRequest(string parameter, string? value, IEnumerable<string> allowed) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid '{parameter}'.",
            detail: $"'{value}': expected {string.Join(", ", allowed)}.");
}
