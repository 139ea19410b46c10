using System.Net;
using System.Net.Http.Json;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// Prometheus scrapes <c>/metrics</c> on the management port; the public API port does not serve it, and the
/// management port serves nothing but metrics and health. Over real sockets: the port a request arrived on decides.
/// </summary>
public sealed class ManagementPortTests
{
    [Fact]
    public async Task Metrics_are_served_on_the_management_port_and_not_on_the_api_port()
    {
        var ct = TestContext.Current.CancellationToken;
        var managementPort = FreePort.Next();
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Management:Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).OnSockets();
        using var api = factory.CreateSocketClient();
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };
        (await api.PostAsJsonAsync($"{ProbeEndpoints.Prefix}/metered", new ProbeNote("count me"), ct)).EnsureSuccessStatusCode();

        var onApi = await api.GetAsync("/metrics", ct);
        var onManagement = await management.GetAsync("/metrics", ct);

        Assert.NotEqual(managementPort, api.BaseAddress!.Port);
        Assert.Equal(HttpStatusCode.NotFound, onApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        var text = await onManagement.Content.ReadAsStringAsync(ct);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_port_serves_health_but_no_api_route()
    {
        var ct = TestContext.Current.CancellationToken;
        var managementPort = FreePort.Next();
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?>
        {
            ["Management:Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).OnSockets();
        using var api = factory.CreateSocketClient();
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };

        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/openapi/v1.json", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.PostAsJsonAsync("/api/auth/token", new { }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/openapi/v1.json", ct)).StatusCode);
    }

    [Fact]
    public async Task Without_a_management_port_metrics_are_served_nowhere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory().OnSockets();
        using var api = factory.CreateSocketClient();

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/metrics", ct)).StatusCode);
    }
}
