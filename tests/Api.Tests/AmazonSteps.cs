using System.Net;
using System.Net.Http.Json;
using Opside.Api.Amazon;

namespace Opside.Api.Tests;

/// <summary>The seller's trip through Amazon's consent page, as a browser makes it.</summary>
internal static class AmazonSteps
{
    /// <summary>
    /// Asks for a consent link from <paramref name="browser"/> (see <see cref="OpsideApiFactory.CreateBrowser"/>),
    /// which keeps the consent cookie the answer sets.
    /// </summary>
    public static async Task<Uri> LinkAsync(HttpClient browser, string sellerId, CancellationToken ct) =>
        (await AuthorizeAsync(browser, sellerId, ct)).Link;

    /// <summary>The consent link and the Set-Cookie header that came with it.</summary>
    public static async Task<(Uri Link, string SetCookie)> AuthorizeAsync(HttpClient browser, string sellerId, CancellationToken ct)
    {
        var response = await browser.PostAsJsonAsync($"/api/sellers/{sellerId}/amazon/authorize", new AuthorizeRequest("NA", ["ATVPDKIKX0DER"]), ct);
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Single(v => v.StartsWith(ConsentBrowserBinding.CookieName + "=", StringComparison.Ordinal))
            : throw new InvalidOperationException("authorize set no consent cookie");
        return (new Uri((await response.Content.ReadFromJsonAsync<ConsentLink>(ct))!.ConsentUrl), setCookie);
    }

    /// <summary>Asks for a consent link, opens it on the (sandbox) consent page, and returns the callback it sends the browser to.</summary>
    public static async Task<string> ConsentAsync(HttpClient browser, string sellerId, CancellationToken ct) =>
        await ConsentPageAsync(await LinkAsync(browser, sellerId, ct), ct);

    /// <summary>Opens a consent link on the (sandbox) consent page, as any browser would, and returns the callback it redirects to.</summary>
    public static async Task<string> ConsentPageAsync(Uri link, CancellationToken ct)
    {
        using var sellerCentral = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await sellerCentral.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = consent.Headers.Location!;
        Assert.Equal("/api/amazon/callback", callback.AbsolutePath);
        return callback.PathAndQuery;
    }

    /// <summary>The consent cookie's value, as a browser would send it back.</summary>
    public static string CookieValue(string setCookie) => setCookie.Split(';')[0];
}
