using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Grains.Pipeline;
using Opside.Grains.Sellers;

namespace Opside.Api.Sellers;

/// <summary>
/// The seller's detection settings (docs/claim-rules.md: damage codes H, K and U are claimed only when the seller opts in),
/// shown with the marketplace whose policy detection uses. A change queues a detection, so the claims follow it.
/// </summary>
public static class SellerSettingsApi
{
    private const string HkuField = "claimDamageCodesHku";
    private const string Expected = $$"""Expected a JSON object { "{{HkuField}}": true | false }.""";

    public static RouteGroupBuilder MapSellerSettingsApi(this RouteGroupBuilder seller)
    {
        seller.MapGet("/settings", GetAsync).WithTags("Sellers")
            .WithSummary("The seller's detection settings, its connection's first marketplace and the marketplace policy detection uses.");
        seller.MapPut("/settings", PutAsync).WithTags("Sellers")
            .WithSummary("Sets the detection settings ({ claimDamageCodesHku }); a change queues a detection.")
            .Accepts<SellerSettingsRequest>("application/json");
        return seller;
    }

    private static async Task<Results<Ok<SellerSettingsResponse>, ProblemHttpResult>> GetAsync(string sellerId, IGrainFactory grains) =>
        await grains.GetGrain<ISellerGrain>(sellerId).GetSettingsAsync() is { } view
            ? TypedResults.Ok(Response(view))
            : SellersApi.NotFound();

    private static async Task<Results<Ok<SellerSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string sellerId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The settings must be sent as JSON.", detail: Expected);
        // Read by hand, not bound: a value of the wrong type must be answered naming its field, which a binding failure does not.
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: $"{Expected} {e.Message}");
        }

        SellerSettings settings;
        using (body)
        {
            if (Read(body.RootElement) is not { } read)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [HkuField] = ["Required: true or false."] },
                    title: "The settings are not valid.", detail: Expected);
            settings = read;
        }

        var seller = grains.GetGrain<ISellerGrain>(sellerId);
        if (await seller.GetSettingsAsync() is not { } current)
            return SellersApi.NotFound();
        if (current.Settings == settings)
            return TypedResults.Ok(Response(current));
        var updated = await seller.UpdateSettingsAsync(settings);
        // The opt-in decides which claims exist: detection is queued now (after whatever the seller's pipeline is
        // running) rather than left to the next sync or upload; GET …/sync shows it pending.
        await grains.GetGrain<ISellerPipelineGrain>(sellerId).RequestDetectionAsync();
        return TypedResults.Ok(Response(updated));
    }

    /// <summary>The settings in a body, or null when it is not an object with a boolean <c>claimDamageCodesHku</c> (any case, as bound bodies are read).</summary>
    private static SellerSettings? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, HkuField, StringComparison.OrdinalIgnoreCase))
                return property.Value.ValueKind switch
                {
                    JsonValueKind.True => new SellerSettings(ClaimDamageCodesHku: true),
                    JsonValueKind.False => new SellerSettings(ClaimDamageCodesHku: false),
                    _ => null,
                };
        }

        return null;
    }

    private static SellerSettingsResponse Response(SellerSettingsView view) =>
        new(view.Settings.ClaimDamageCodesHku, view.MarketplaceId, SellerDetection.Policy(view).Marketplace);
}

/// <summary>The body of <c>PUT /api/sellers/{sellerId}/settings</c>; the field is required.</summary>
public sealed record SellerSettingsRequest(bool ClaimDamageCodesHku);

/// <summary>
/// The seller's settings; <see cref="MarketplaceId"/> is the first marketplace of its Amazon connection (null when not
/// connected) and <see cref="DetectionPolicy"/> the marketplace whose policy detection uses (the US one for a marketplace
/// that has none of its own yet).
/// </summary>
public sealed record SellerSettingsResponse(bool ClaimDamageCodesHku, string? MarketplaceId, string DetectionPolicy);
