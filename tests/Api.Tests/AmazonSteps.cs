using System.Net;
using System.Net.Http.Json;
using Opside.Api.Amazon;

namespace Opside.Api.Tests;

/// <summary>The seller's trip through Amazon's consent page, as a browser makes it.</summary>
internal static class AmazonSteps
{
    public static async Task<Uri> LinkAsync(HttpClient seller, string sellerId, CancellationToken ct)
    {
        var response = await seller.PostAsJsonAsync($"/api/sellers/{sellerId}/amazon/authorize", new AuthorizeRequest("NA", ["ATVPDKIKX0DER"]), ct);
        response.EnsureSuccessStatusCode();
        return new Uri((await response.Content.ReadFromJsonAsync<ConsentLink>(ct))!.ConsentUrl);
    }

    /// <summary>Asks for a consent link, opens it on the (sandbox) consent page, and returns the callback it sends the browser to.</summary>
    public static async Task<string> ConsentAsync(HttpClient seller, string sellerId, CancellationToken ct)
    {
        var link = await LinkAsync(seller, sellerId, ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await browser.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = consent.Headers.Location!;
        Assert.Equal("/api/amazon/callback", callback.AbsolutePath);
        return callback.PathAndQuery;
    }
}
