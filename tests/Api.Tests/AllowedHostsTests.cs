using System.Net;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// <c>AllowedHosts</c> refuses a public request for any other host name (a poisoned Host header cannot reach links the
/// API writes), while the management port still answers the scraper, which addresses it by pod IP.
/// </summary>
public sealed class AllowedHostsTests
{
    [Fact]
    public async Task A_public_request_for_a_host_not_allowed_is_refused_and_one_for_the_allowed_host_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "api.opside.test" });
        using var client = factory.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "api.opside.test" } };
        using var other = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "evil.example" } };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(allowed, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(other, ct)).StatusCode);
    }

    [Fact]
    public async Task The_management_port_answers_by_ip_whatever_AllowedHosts_says()
    {
        var ct = TestContext.Current.CancellationToken;
        var managementPort = FreePort.Next();
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "api.opside.test",
            ["Management:Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).OnSockets();
        using var api = factory.CreateSocketClient();
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/metrics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/ready", ct)).StatusCode);
    }
}
