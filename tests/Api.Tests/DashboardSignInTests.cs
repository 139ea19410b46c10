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
        var signedIn = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, OpsideApiFactory.OpsPassword), ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard/", signedIn.Headers.Location?.ToString());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
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

        var wrong = await browser.PostAsync("/signin", Form(OpsideApiFactory.OpsEmail, "not the right password"), ct);
        Assert.Equal("/signin?failed=1", wrong.Headers.Location?.ToString());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/", ct)).StatusCode);

        await browser.PostAsync("/signin", Form(email, AccountSteps.Password), ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/dashboard/", ct)).StatusCode);
    }

    private static FormUrlEncodedContent Form(string email, string password) =>
        new(new Dictionary<string, string> { ["email"] = email, ["password"] = password });
}
