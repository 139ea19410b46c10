using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Claims;
using Opside.Api.Sellers;
using Opside.Grains.Scoring;
using Opside.Grains.Sellers;

namespace Opside.Api.Ops;

/// <summary>
/// Ops' filing cap and score threshold for one seller (docs/model-card.md, "Filing plan"): how many claims its weekly
/// plan may hold and the approval probability below which a claim is shown but not planned. A field left out or null
/// goes back to the default.
/// </summary>
public static class OpsFilingApi
{
    private const string Body = """Expected { "maxPerWeek": 25, "threshold": 0.5 } (each optional; null or absent is the default).""";

    public static RouteGroupBuilder MapOpsFilingApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/sellers/{sellerId}/filing", GetAsync).WithSummary("The seller's filing cap and score threshold (null: the defaults).");
        ops.MapPut("/sellers/{sellerId}/filing", PutAsync).WithSummary("Sets the seller's filing cap and score threshold.")
            .Accepts<FilingPolicy>("application/json");
        return ops;
    }

    private static async Task<Results<Ok<FilingPolicy>, ProblemHttpResult>> GetAsync(string sellerId, IGrainFactory grains) =>
        await grains.GetGrain<ISellerGrain>(sellerId).GetFilingPolicyAsync() is { } policy ? TypedResults.Ok(policy) : SellersApi.NotFound();

    private static async Task<Results<Ok<FilingPolicy>, ProblemHttpResult>> PutAsync(
        string sellerId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonCommandBody.ReadAsync(request, Body, cancellationToken);
        if (problem is not null)
            return problem;
        int? cap = null;
        if (JsonCommandBody.Field(body!.Value, "maxPerWeek") is { ValueKind: not JsonValueKind.Null } capField)
        {
            if (capField.ValueKind != JsonValueKind.Number || !capField.TryGetInt32(out var value) || value is < 1 or > FilingPolicy.MostPerWeek)
                return JsonCommandBody.Invalid("maxPerWeek", $"Expected a whole number from 1 to {FilingPolicy.MostPerWeek}.", Body);
            cap = value;
        }

        double? threshold = null;
        if (JsonCommandBody.Field(body.Value, "threshold") is { ValueKind: not JsonValueKind.Null } thresholdField)
        {
            if (thresholdField.ValueKind != JsonValueKind.Number || thresholdField.GetDouble() is var value && value is < 0 or > 1)
                return JsonCommandBody.Invalid("threshold", "Expected a probability from 0 to 1.", Body);
            threshold = thresholdField.GetDouble();
        }

        var seller = grains.GetGrain<ISellerGrain>(sellerId);
        if (await seller.GetFilingPolicyAsync() is null)
            return SellersApi.NotFound();
        return TypedResults.Ok(await seller.UpdateFilingPolicyAsync(new FilingPolicy(cap, threshold)));
    }
}
