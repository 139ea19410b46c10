using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Opside.Api.RateLimiting;
using Opside.Hosting.Security;
using Opside.Hosting.Web;

namespace Opside.Api.Accounts;

/// <summary>
/// A sign-in page for the Orleans dashboard, which a browser cannot give a bearer header: the access token is
/// kept in an HttpOnly, SameSite=Strict cookie that only <c>/dashboard</c> reads. The form carries an antiforgery
/// token, so another site cannot post it and sign a victim's browser in to an account of its choosing.
/// </summary>
public static class DashboardSignInApi
{
    public const string Path = "/signin";

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup(Path).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(RateLimitingExtensions.AuthPolicy);
        page.MapGet("/", (string? failed, HttpContext http, IAntiforgery antiforgery) =>
            Results.Content(Form(failed is not null, antiforgery.GetAndStoreTokens(http)), "text/html; charset=utf-8"));
        page.MapPost("/", SignInAsync);
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignIn signIn, IAntiforgery antiforgery, IHostEnvironment environment)
    {
        // Checked by hand because the form is read by hand (the endpoint binds no form parameter for the middleware to see).
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-in form is missing its antiforgery token or it has expired; reload the page and try again.");

        var form = await http.Request.ReadFormAsync();
        var token = await signIn.TryAsync(form["email"], form["password"], ClientAddress.Of(http));
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

    private static string Form(bool failed, AntiforgeryTokenSet antiforgery) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Opside operations sign-in</title></head>
        <body>
        <h1>Opside operations</h1>
        {{(failed ? "<p>The email or password is wrong, or the account is locked for a while.</p>" : "")}}
        <form method="post" action="{{WebUtility.HtmlEncode(Path)}}">
        <input type="hidden" name="{{WebUtility.HtmlEncode(antiforgery.FormFieldName)}}" value="{{WebUtility.HtmlEncode(antiforgery.RequestToken)}}">
        <label>Email <input name="email" type="email" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in to the dashboard</button>
        </form>
        </body></html>
        """;
}
