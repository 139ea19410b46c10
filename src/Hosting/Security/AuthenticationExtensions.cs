using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Opside.Grains.Accounts;

namespace Opside.Hosting.Security;

public static class AuthenticationExtensions
{
    /// <summary>The cookie the dashboard sign-in page leaves; read only for /dashboard requests without a bearer header.</summary>
    public const string DashboardCookie = "opside_dashboard";

    /// <summary>
    /// Bearer tokens validated against the configured keys, issuer, audience and expiry; the Ops policy; and a
    /// fallback policy that makes every endpoint require a signed-in user unless it says otherwise, so a new
    /// route cannot be public by accident.
    /// </summary>
    public static IHostApplicationBuilder AddOpsideAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JwtOptions>, JwtKeysRequiredValidator>();
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IOptions<JwtOptions>>((bearer, ring, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var request = context.Request;
                        if (request.Headers.Authorization.Count == 0 &&
                            request.Path.StartsWithSegments(Web.DashboardEndpoints.RoutePrefix) &&
                            request.Cookies.TryGetValue(DashboardCookie, out var token))
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = RefuseRevokedAsync,
                };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKeys = ring.Keys,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = OpsidePolicies.RoleClaim,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(OpsidePolicies.Ops, policy => policy.RequireRole(OpsidePolicies.OpsRole));
        return builder;
    }

    /// <summary>
    /// A token whose version is not its user's current one was revoked (password change, account lock, ops action).
    /// The version is asked of the user grain on every request: its one activation in the cluster holds it in memory,
    /// so the check reads no storage, and every API process sees a revocation the moment it is made, which a cache
    /// in each process could not promise. Every token Opside issues carries its email and version; one without them
    /// was minted by a holder of the signing key with no user behind it (tests, or a release before versions), and
    /// only expiry ends it.
    /// </summary>
    private static async Task RefuseRevokedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirst("email")?.Value is not { } email || principal.FindFirst(OpsidePolicies.TokenVersionClaim)?.Value is not { } claimed)
            return;
        if (!int.TryParse(claimed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ||
            await context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(email).GetTokenVersionAsync() != version)
            context.Fail("The access token was revoked.");
    }
}
