using Microsoft.Extensions.Options;

namespace Opside.Sandbox.Lwa;

/// <summary>The Login with Amazon token endpoint and the Seller Central consent page, as the SP-API uses them.</summary>
public static class LwaEndpoints
{
    public const string TokenPath = "/auth/o2/token";
    public const string ConsentPath = "/apps/authorize/consent";
    public const string DemoSellingPartnerId = "A1SANDBOXDEMO01";

    public static IEndpointRouteBuilder MapLwa(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TokenPath, ExchangeAsync).DisableAntiforgery();
        endpoints.MapGet(ConsentPath, Consent);
        // Test and demo control: a seller that self-authorised the app in Seller Central.
        endpoints.MapPost("/sandbox/self-authorizations", (string? sellingPartnerId, LwaAuthority authority) =>
        {
            var partner = string.IsNullOrWhiteSpace(sellingPartnerId) ? DemoSellingPartnerId : sellingPartnerId;
            return Results.Ok(new { sellingPartnerId = partner, refreshToken = authority.IssueRefreshToken(partner) });
        });
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(HttpRequest request, LwaAuthority authority, IOptions<SandboxOptions> options)
    {
        if (!request.HasFormContentType)
            return Error(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        var form = await request.ReadFormAsync();
        var sandbox = options.Value;
        if (form["client_id"] != sandbox.ClientId || form["client_secret"] != sandbox.ClientSecret)
            return Error(401, "invalid_client", "Client authentication failed.");

        string? partner;
        string? refreshToken;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                partner = authority.RedeemCode(form["code"].ToString());
                if (partner is null)
                    return Error(400, "invalid_grant", "The authorization code is invalid, expired or already used.");
                refreshToken = authority.IssueRefreshToken(partner);
                break;
            case "refresh_token":
                refreshToken = form["refresh_token"].ToString();
                partner = authority.SellingPartnerOf(refreshToken);
                if (partner is null)
                    return Error(400, "invalid_grant", "The refresh token is invalid or was revoked.");
                break;
            default:
                return Error(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = authority.IssueAccessToken(partner),
            ["refresh_token"] = refreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = (int)sandbox.AccessTokenLifetime.TotalSeconds,
        });
    }

    /// <summary>
    /// The seller "signs in and consents" at once, as the demo seller or as the selling partner named by
    /// <c>signed_in_as</c> (a sandbox-only stand-in for signing in to another Amazon account), and is sent back with a code.
    /// </summary>
    private static IResult Consent(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "application_id")] string? applicationId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "signed_in_as")] string? signedInAs,
        string? state,
        string? version,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "redirect_uri")] string? redirectUri,
        LwaAuthority authority,
        IOptions<SandboxOptions> options)
    {
        var sandbox = options.Value;
        if (applicationId != sandbox.ApplicationId)
            return Results.Problem(statusCode: 400, title: "MD1000", detail: "Unknown application_id.");
        if (sandbox.DraftApp && version != "beta")
            return Results.Problem(statusCode: 400, title: "MD1000", detail: "A draft app's consent link must carry version=beta.");
        var target = redirectUri ?? sandbox.RedirectUri;
        if (string.IsNullOrEmpty(target) || string.IsNullOrEmpty(state))
            return Results.Problem(statusCode: 400, title: "MD5101", detail: "No redirect URI or no state.");

        var partner = signedInAs ?? DemoSellingPartnerId;
        if (partner.Length is 0 or > 20 || !partner.All(char.IsAsciiLetterOrDigit))
            return Results.Problem(statusCode: 400, title: "MD5101", detail: "signed_in_as must be a selling partner id (letters and digits).");
        var code = authority.IssueCode(partner);
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{target}{separator}state={Uri.EscapeDataString(state)}&selling_partner_id={partner}&spapi_oauth_code={code}");
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
