using System.Net;
using Opside.Api.RateLimiting;
using Opside.Hosting.Security;
using Opside.Hosting.Web;

namespace Opside.Api.Accounts;

/// <summary>
/// A sign-in page for the Orleans dashboard, which a browser cannot give a bearer header: the access token is
/// kept in an HttpOnly, SameSite=Strict cookie that only <c>/dashboard</c> reads.
/// </summary>
public static class DashboardSignInApi
{
    public const string Path = "/signin";

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup(Path).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(RateLimitingExtensions.AuthPolicy);
        page.MapGet("/", (string? failed) => Results.Content(Form(failed is not null), "text/html; charset=utf-8"));
        page.MapPost("/", SignInAsync);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignIn signIn, IHostEnvironment environment)
    {
        // Read by hand rather than bound: the cookie is SameSite=Strict and carries no power outside /dashboard GETs.
        var form = await http.Request.ReadFormAsync();
        var token = await signIn.TryAsync(form["email"], form["password"]);
        if (token is null)
            return Results.Redirect(Path + "?failed=1");

        http.Response.Cookies.Append(AuthenticationExtensions.DashboardCookie, token.AccessToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment(),
            SameSite = SameSiteMode.Strict,
            Path = DashboardEndpoints.RoutePrefix,
            MaxAge = TimeSpan.FromSeconds(token.ExpiresIn),
        });
        return Results.Redirect(DashboardEndpoints.RoutePrefix + "/");
    }

    private static string Form(bool failed) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Opside operations sign-in</title></head>
        <body>
        <h1>Opside operations</h1>
        {{(failed ? "<p>The email or password is wrong, or the account is locked for a while.</p>" : "")}}
        <form method="post" action="{{WebUtility.HtmlEncode(Path)}}">
        <label>Email <input name="email" type="email" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in to the dashboard</button>
        </form>
        </body></html>
        """;
}
