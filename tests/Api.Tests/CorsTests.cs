using System.Net;

namespace Opside.Api.Tests;

/// <summary>Only the configured front-end origins may call the API from a browser, and never with credentials.</summary>
public sealed class CorsTests
{
    private const string FrontEnd = "https://app.opside.test";

    [Fact]
    public async Task A_preflight_from_the_front_end_is_allowed_without_credentials()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = FrontEnd + "/" });
        using var client = factory.CreateClient();

        using var answer = await client.SendAsync(Preflight(FrontEnd), ct);

        Assert.True(answer.IsSuccessStatusCode, $"preflight answered {(int)answer.StatusCode}");
        Assert.Equal(FrontEnd, Single(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(answer, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("authorization", Single(answer, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Another_site_gets_no_cross_origin_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = FrontEnd });
        using var client = factory.CreateClient();
        var (account, token) = await AccountSteps.RegisterSellerAsync(client);

        using var preflight = await client.SendAsync(Preflight("https://attacker.example"), ct);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/sellers/{account.SellerId}/amazon/connection");
        read.Headers.Add("Origin", "https://attacker.example");
        read.Headers.Authorization = new("Bearer", token);
        using var answer = await client.SendAsync(read, ct);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory();
        using var client = factory.CreateClient();

        using var answer = await client.SendAsync(Preflight(FrontEnd), ct);

        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.opside.test")]
    [InlineData("https://app.opside.test/path")]
    [InlineData("ftp://app.opside.test")]
    public void A_wildcard_or_a_non_origin_stops_the_start(string origin)
    {
        using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Cors:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/sellers/any/amazon/authorize");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string Single(HttpResponseMessage answer, string header) =>
        answer.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : "";
}
