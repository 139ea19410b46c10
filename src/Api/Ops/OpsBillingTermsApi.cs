using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Claims;
using Opside.Api.Sellers;
using Opside.Grains.Billing;
using Opside.Grains.Sellers;

namespace Opside.Api.Ops;

/// <summary>
/// Ops' commission rate for one seller (docs/billing.md, "What is billable"): the share of what Opside recovered that
/// the seller is billed from now on; null goes back to <c>Billing:DefaultRate</c>. Entries recorded keep their rate.
/// </summary>
public static class OpsBillingTermsApi
{
    private const string Body = """Expected { "rate": 0.2 } (above 0, at most 1, to 4 decimals; null is the default).""";

    public static RouteGroupBuilder MapOpsBillingTermsApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/billing/sellers/{sellerId}/terms", GetAsync).WithSummary("The seller's commission rate and whether inventory units are billed.");
        ops.MapPut("/billing/sellers/{sellerId}/terms", PutAsync).WithSummary("Sets the seller's commission rate (null: the default).")
            .Accepts<BillingTerms>("application/json");
        return ops;
    }

    private static async Task<Results<Ok<BillingTerms>, ProblemHttpResult>> GetAsync(string sellerId, IGrainFactory grains) =>
        await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null
            ? SellersApi.NotFound()
            : TypedResults.Ok(await grains.GetGrain<IBillingGrain>(sellerId).GetTermsAsync());

    private static async Task<Results<Ok<BillingTerms>, ProblemHttpResult>> PutAsync(
        string sellerId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonCommandBody.ReadAsync(request, Body, cancellationToken);
        if (problem is not null)
            return problem;
        decimal? rate = null;
        if (JsonCommandBody.Field(body!.Value, "rate") is not { } field)
            return JsonCommandBody.Invalid("rate", "Expected the rate, or null for the default.", Body);
        if (field.ValueKind != JsonValueKind.Null)
        {
            if (field.ValueKind != JsonValueKind.Number || !field.TryGetDecimal(out var value) || !BillingTerms.IsRate(value))
                return JsonCommandBody.Invalid("rate", "Expected a rate above 0 and at most 1, to 4 decimals (0.2 is 20 %).", Body);
            rate = value;
        }

        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await grains.GetGrain<IBillingGrain>(sellerId).SetRateAsync(rate));
    }
}
