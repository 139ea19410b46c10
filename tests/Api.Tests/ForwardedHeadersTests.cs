using System.Net;
using System.Net.Http.Json;
using Opside.Api.Accounts;

namespace Opside.Api.Tests;

/// <summary>
/// The auth rate limit is per client address, over real loopback sockets (the peer is 127.0.0.1): a spoofed
/// X-Forwarded-For buys no fresh budget unless the peer is a configured proxy, and from one it does name the client.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_dodge_the_auth_rate_limit_with_X_Forwarded_For()
    {
        var ct = TestContext.Current.CancellationToken;
        // No proxy configured: even loopback, which the framework would trust by default, is just a client.
        await using var factory = LimitedFactory(new Dictionary<string, string?>());
        using var client = factory.CreateSocketClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add(await SignInAsync(client, forwardedFor: $"198.51.100.{i + 1}", ct));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_auth_budget()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = LimitedFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var client = factory.CreateSocketClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            first.Add(await SignInAsync(client, forwardedFor: "198.51.100.1", ct));
        var second = await SignInAsync(client, forwardedFor: "198.51.100.2", ct);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
    }

    [Fact]
    public async Task A_known_network_in_CIDR_is_trusted_like_a_proxy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = LimitedFactory(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" });
        using var client = factory.CreateSocketClient();

        for (var i = 0; i < 2; i++)
            await SignInAsync(client, forwardedFor: "198.51.100.1", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, forwardedFor: "198.51.100.2", ct));
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_forwarded_https_request_is_not_redirected_and_a_plain_one_is()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["https_port"] = "443",
        }, environment: "Production").OnSockets();
        using var client = factory.CreateSocketClient(allowAutoRedirect: false);

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await client.SendAsync(plain, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(forwarded, ct)).StatusCode);
    }

    private static OpsideApiFactory LimitedFactory(Dictionary<string, string?> settings)
    {
        settings["RateLimits:AuthPermitLimit"] = "2";
        settings["RateLimits:AuthWindow"] = "00:10:00";
        return new OpsideApiFactory(settings).OnSockets();
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new TokenRequest("nobody@example.com", "whatever it is here")),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request, ct)).StatusCode;
    }
}
