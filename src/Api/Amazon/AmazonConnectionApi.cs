using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.RateLimiting;
using Opside.Api.Sellers;
using Opside.Grains.Amazon;
using Opside.Grains.Sellers;
using Opside.Grains.Security;

namespace Opside.Api.Amazon;

/// <summary>Connecting a seller's Amazon account: the website consent flow and self-authorisation.</summary>
public static class AmazonConnectionApi
{
    public static IEndpointRouteBuilder MapAmazonConnectionApi(this IEndpointRouteBuilder endpoints, RouteGroupBuilder seller)
    {
        seller.MapPost("/amazon/authorize", AuthorizeAsync).WithTags("Amazon").WithSummary("A Seller Central consent link for this seller.");
        seller.MapPut("/amazon/connection", ConnectSelfAuthorizedAsync).WithTags("Amazon").WithSummary("Connects with a self-authorised refresh token.");
        seller.MapGet("/amazon/connection", GetConnectionAsync).WithTags("Amazon").WithSummary("The Amazon connection, without its token.");
        // Amazon sends the seller's browser here, with no Opside token: the state and the browser's consent cookie
        // prove who asked. Anonymous, so it has a per-client budget like sign-in.
        endpoints.MapGet(ConsentBrowserBinding.CallbackPath, CallbackAsync).WithTags("Amazon").AllowAnonymous().ExcludeFromDescription()
            .RequireRateLimiting(RateLimitingExtensions.ConsentCallbackPolicy);
        return endpoints;
    }

    private static async Task<Results<Ok<ConsentLink>, ValidationProblem, ProblemHttpResult>> AuthorizeAsync(
        string sellerId, AuthorizeRequest request, IOptions<AmazonOptions> options, IGrainFactory grains, HttpResponse response)
    {
        var amazon = options.Value;
        if (Problems(request.Region, request.MarketplaceIds, amazon) is { Count: > 0 } problems)
            return TypedResults.ValidationProblem(problems, title: "The authorization request is not valid.");
        if (string.IsNullOrWhiteSpace(amazon.ApplicationId))
            return NotConfigured();
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();

        var state = ConsentBrowserBinding.Issue(response, amazon.ConsentLifetime);
        await grains.GetGrain<IAmazonConsentGrain>(state).IssueAsync(new ConsentRequest(sellerId, Region(request.Region!, amazon), request.MarketplaceIds!), amazon.ConsentLifetime);

        var region = amazon.Regions[request.Region!];
        var query = new Dictionary<string, string?> { ["application_id"] = amazon.ApplicationId, ["state"] = state };
        if (amazon.DraftApp)
            query["version"] = "beta";
        if (!string.IsNullOrWhiteSpace(amazon.RedirectUri))
            query["redirect_uri"] = amazon.RedirectUri;
        var link = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(region.SellerCentralUrl.TrimEnd('/') + "/apps/authorize/consent", query);
        return TypedResults.Ok(new ConsentLink(link));
    }

    private static async Task<RedirectHttpResult> CallbackAsync(
        string? state, HttpContext http,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "selling_partner_id")] string? sellingPartnerId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "spapi_oauth_code")] string? code,
        IOptions<AmazonOptions> options, IGrainFactory grains, LwaClient lwa, RefreshTokenProtector protector,
        TimeProvider time, ILogger<LwaClient> logger, CancellationToken cancellationToken)
    {
        var frontEnd = options.Value.FrontEndUrl;
        // The browser is checked first, without asking any grain: a link opened anywhere but the browser that asked
        // for it connects nothing, and a flood of made-up states activates nothing.
        var sameBrowser = !string.IsNullOrEmpty(state) && ConsentBrowserBinding.Matches(http.Request, state);
        ConsentBrowserBinding.Clear(http.Response);
        if (!sameBrowser)
            return Back(frontEnd, "error", "wrong_browser");
        // Then the state: without a live one, the rest of the query is not trusted.
        var consent = await grains.GetGrain<IAmazonConsentGrain>(state!).RedeemAsync();
        if (consent is null)
            return Back(frontEnd, "error", "invalid_state");
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(sellingPartnerId))
            return Back(frontEnd, "error", "missing_code");

        LwaGrant? grant;
        try
        {
            grant = await lwa.ExchangeCodeAsync(code, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Login with Amazon failed while exchanging a consent code for seller {SellerId}", consent.SellerId);
            return Back(frontEnd, "error", "amazon_unavailable");
        }

        if (grant?.RefreshToken is not { Length: > 0 } refreshToken)
            return Back(frontEnd, "error", "authorization_refused");

        var outcome = await grains.GetGrain<ISellerGrain>(consent.SellerId).ConnectAmazonAsync(new AmazonConnection(
            sellingPartnerId, consent.Region, consent.MarketplaceIds, protector.Protect(refreshToken, consent.SellerId), AmazonAuthorization.Website, time.GetUtcNow()));
        return outcome == AmazonConnectOutcome.Connected ? Back(frontEnd, "connected", "true") : Back(frontEnd, "error", "already_connected");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConnectSelfAuthorizedAsync(
        string sellerId, ConnectionRequest request, IOptions<AmazonOptions> options, IGrainFactory grains,
        LwaClient lwa, RefreshTokenProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var amazon = options.Value;
        var problems = Problems(request.Region, request.MarketplaceIds, amazon);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            problems["refreshToken"] = ["A refresh token is required."];
        if (string.IsNullOrWhiteSpace(request.SellingPartnerId))
            problems["sellingPartnerId"] = ["The selling partner id is required."];
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems, title: "The connection is not valid.");
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();

        LwaGrant? grant;
        try
        {
            grant = await lwa.RefreshAsync(request.RefreshToken!, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Login with Amazon is not answering; try again shortly.");
        }

        if (grant is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Login with Amazon refused the refresh token.");

        var outcome = await grains.GetGrain<ISellerGrain>(sellerId).ConnectAmazonAsync(new AmazonConnection(
            request.SellingPartnerId!.Trim(), Region(request.Region!, amazon), request.MarketplaceIds!,
            protector.Protect(request.RefreshToken!, sellerId), AmazonAuthorization.SelfAuthorized, time.GetUtcNow()));
        // Which seller holds it is not said: that would tell anyone which companies use Opside.
        return outcome == AmazonConnectOutcome.Connected
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This selling partner is connected to another Opside seller.",
                detail: "A self-authorised connection cannot take a selling partner from another seller. If the Amazon account is yours, " +
                        "connect through Seller Central consent (POST .../amazon/authorize), which Amazon confirms.");
    }

    private static async Task<Results<Ok<ConnectionView>, ProblemHttpResult>> GetConnectionAsync(string sellerId, IGrainFactory grains)
    {
        var seller = grains.GetGrain<ISellerGrain>(sellerId);
        if (await seller.GetProfileAsync() is null)
            return SellersApi.NotFound();
        var disconnection = await seller.GetAmazonDisconnectionAsync();
        return TypedResults.Ok(await seller.GetAmazonConnectionAsync() is { } status
            ? new ConnectionView(true, status.SellingPartnerId, status.Region, status.MarketplaceIds, status.Method, status.ConnectedAt, status.Verified, null)
            : new ConnectionView(false, null, null, [], null, null, false, disconnection));
    }

    private static Dictionary<string, string[]> Problems(string? region, IReadOnlyList<string>? marketplaceIds, AmazonOptions amazon)
    {
        var problems = new Dictionary<string, string[]>();
        var knownRegion = !string.IsNullOrWhiteSpace(region) && amazon.Regions.ContainsKey(region);
        if (!knownRegion)
            problems["region"] = [$"The region must be one of {string.Join(", ", amazon.Regions.Keys)}."];
        if (marketplaceIds is not { Count: > 0 })
        {
            problems["marketplaceIds"] = ["At least one marketplace id is required."];
            return problems;
        }

        // A region's marketplaces are a short, known list: anything else is a typo or a probe, named back.
        var regionMarketplaces = knownRegion ? AmazonMarketplaces.Of(region!) : null;
        var limit = regionMarketplaces?.Count ?? 0;
        if (knownRegion && marketplaceIds.Count > limit)
        {
            problems["marketplaceIds"] = [$"The {region} region has {limit} marketplaces; {marketplaceIds.Count} were given."];
            return problems;
        }

        var errors = new List<string>();
        foreach (var id in marketplaceIds.Take(AmazonMarketplaces.MostInAnyRegion))
        {
            if (string.IsNullOrWhiteSpace(id))
                errors.Add("A marketplace id is empty.");
            else if (AmazonMarketplaces.RegionOf(id) is not { } home)
                errors.Add($"'{Shown(id)}' is not an Amazon marketplace id.");
            else if (regionMarketplaces is not null && !regionMarketplaces.Contains(id))
                errors.Add($"'{id}' is a marketplace of the {home} region, not {region}.");
        }

        if (marketplaceIds.Distinct(StringComparer.Ordinal).Count() != marketplaceIds.Count)
            errors.Add("A marketplace id is given twice.");
        if (errors.Count > 0)
            problems["marketplaceIds"] = [.. errors];
        return problems;
    }

    /// <summary>An unknown id is echoed only as far as a real one could be long.</summary>
    private static string Shown(string id) => id.Length <= 20 ? id : id[..20] + "…";

    /// <summary>The region name as configured (NA, EU, FE), whatever case the caller used.</summary>
    private static string Region(string requested, AmazonOptions amazon) =>
        amazon.Regions.Keys.First(k => string.Equals(k, requested, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult NotConfigured() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Opside's Amazon app is not configured (Amazon:ApplicationId).");

    private static RedirectHttpResult Back(string frontEnd, string key, string value) =>
        TypedResults.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(frontEnd, key, value));
}

public sealed record AuthorizeRequest(string? Region, IReadOnlyList<string>? MarketplaceIds);

public sealed record ConsentLink(string ConsentUrl);

/// <param name="Verified">Amazon named the partner (consent); a self-authorised partner id is the seller's word.</param>
/// <param name="Disconnected">Why the last connection ended without the seller asking, while not connected.</param>
public sealed record ConnectionView(
    bool Connected, string? SellingPartnerId, string? Region, IReadOnlyList<string> MarketplaceIds, AmazonAuthorization? Method,
    DateTimeOffset? ConnectedAt, bool Verified, AmazonDisconnection? Disconnected);

public sealed record ConnectionRequest(string? RefreshToken, string? SellingPartnerId, string? Region, IReadOnlyList<string>? MarketplaceIds);
