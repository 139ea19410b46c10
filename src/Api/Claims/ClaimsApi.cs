using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Sellers;
using Opside.DataPlane.Storage;
using Opside.Detection;
using Opside.Grains.Sellers;
using ClaimStatus = Opside.Grains.Claims.ClaimStatus;

namespace Opside.Api.Claims;

/// <summary>
/// A seller's claims from the read model the claim grains project to. The claim JSON is stored as the contract shows
/// it, so these routes only filter, page and frame it.
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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ListAsync(
        string sellerId, string? status, string? type, string? page, string? pageSize, IGrainFactory grains, IServiceProvider services,
        CancellationToken cancellationToken)
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
        if (services.GetService<IDataPlaneStore>() is not { } store)
            return NotAvailable();

        var result = await store.QueryClaimsAsync(sellerId, statusName, typeName, pageNumber, size, cancellationToken);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var claim in result.Items)
                w.WriteRawValue(claim.Json, skipInputValidation: true);
            w.WriteEndArray();
            w.WriteNumber("total", result.Total);
            w.WriteNumber("page", pageNumber);
            w.WriteNumber("pageSize", size);
            w.WriteEndObject();
        }

        return Json(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string sellerId, string claimId, IGrainFactory grains, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        if (services.GetService<IDataPlaneStore>() is not { } store)
            return NotAvailable();
        // Keyed by seller too: another seller's claim id is unknown here, not forbidden.
        return await store.GetClaimAsync(sellerId, claimId, cancellationToken) is { } claim
            ? Json(claim.Json)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such claim.");
    }

    private static ContentHttpResult Json(string json) => TypedResults.Text(json, "application/json", Encoding.UTF8);

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

    private static ProblemHttpResult NotAvailable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Claims are not available on this host.",
            detail: "The API runs as a cluster client without a data plane.");
}
