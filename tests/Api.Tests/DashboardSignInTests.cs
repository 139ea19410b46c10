using System.Net;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Operators open the dashboard in a plain browser: a sign-in form leaves a cookie that only /dashboard reads.</summary>
public sealed class DashboardSignInTests
{
    [Fact]
    public async Task An_ops_user_signs_in_with_the_form_and_the_cookie_opens_the_dashboard_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory();
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var page = await browser.GetAsync("/signin", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var signedIn = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, AntiforgeryToken(html)), ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.ToString());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("opside_dashboard=", StringComparison.Ordinal));
        Assert.Contains("opside_dashboard=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);

        // The cookie is sent by the browser client from here on.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/ops/cluster", ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_leaves_no_cookie_and_a_seller_gets_no_dashboard()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory();
        using var anonymous = factory.CreateClient();
        var email = $"seller-{Guid.NewGuid():N}@example.com";
        await AccountSteps.RegisterSellerAsync(anonymous, email);
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var token = await FormTokenAsync(browser, ct);

        var wrong = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, "not the right password", token), ct);
        Assert.Equal("/signin?failed=1", wrong.Headers.Location?.ToString());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/", ct)).StatusCode);

        await browser.PostAsync("/signin", Form(email, AccountSteps.Password, token), ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/dashboard/", ct)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_forms_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory();
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        // A forged cross-site post: the browser may even hold the antiforgery cookie, but the page's token is not in the body.
        var genuine = await FormTokenAsync(browser, ct);
        using var other = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var foreign = await FormTokenAsync(other, ct);

        var forged = new[]
        {
            await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, token: null), ct),
            await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, "not-a-token"), ct),
            // Another browser's token does not match this browser's cookie.
            await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, foreign), ct),
        };

        foreach (var response in forged)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("opside_dashboard=", StringComparison.Ordinal)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/", ct)).StatusCode);
        // The same browser with its own page's token signs in: the refusals above were the missing token, not the password.
        Assert.Equal("/dashboard/", (await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, genuine), ct)).Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_form_shares_the_auth_budget_and_answers_429_past_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["RateLimits:AuthPermitLimit"] = "2",
            ["RateLimits:AuthWindow"] = "00:10:00",
        });
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var token = await FormTokenAsync(browser, ct);
        var first = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, "not the right password", token), ct);
        var second = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword, token), ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/", ct)).StatusCode);
    }

    private static async Task<string> FormTokenAsync(HttpClient browser, CancellationToken ct) =>
        AntiforgeryToken(await browser.GetStringAsync("/signin", ct));

    private static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__antiforgery\" value=\"([^\"]+)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery field.");

    private static FormUrlEncodedContent Form(string email, string password, string? token)
    {
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password };
        if (token is not null)
            fields["__antiforgery"] = token;
        return new(fields);
    }
}
