using Microsoft.AspNetCore.Cors.Infrastructure;
using Opside.Hosting.Diagnostics;

namespace Opside.Hosting.Web;

/// <summary>
/// Cross-origin access for Opside's own front ends only (<c>Cors:AllowedOrigins</c>). Tokens travel in the
/// Authorization header, never in cookies, so no origin is ever allowed credentials, and a wildcard is refused at
/// start: another site cannot read what a victim's browser is made to fetch.
/// </summary>
public static class FrontEndCors
{
    public const string Section = "Cors";

    public static IHostApplicationBuilder AddOpsideFrontEndCors(this IHostApplicationBuilder builder)
    {
        var origins = Origins(builder.Configuration.GetSection($"{Section}:AllowedOrigins").Get<string[]>() ?? []);
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy => Configure(policy, origins)));
        return builder;
    }

    /// <summary>The configured origins in their canonical form (<c>scheme://host[:port]</c>).</summary>
    /// <exception cref="InvalidOperationException">An entry is a wildcard, or not an http(s) origin.</exception>
    public static IReadOnlyList<string> Origins(IEnumerable<string> configured)
    {
        var origins = new List<string>();
        foreach (var entry in configured.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (entry.Contains('*', StringComparison.Ordinal))
                throw new InvalidOperationException($"{Section}:AllowedOrigins must name origins; '{entry}' is a wildcard, which would let any site call the API from a signed-in browser.");
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
                throw new InvalidOperationException($"{Section}:AllowedOrigins entries are origins like https://app.example.com (no path); got '{entry}'.");
            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }

        return origins;
    }

    private static void Configure(CorsPolicyBuilder policy, IReadOnlyList<string> origins)
    {
        // No origin configured: no cross-origin answer at all, which is the policy without WithOrigins.
        policy.WithOrigins([.. origins])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Content-Encoding", Correlation.HeaderName)
            .WithExposedHeaders("Location", "Retry-After", Correlation.HeaderName)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
