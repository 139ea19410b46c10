using System.Net;
using System.Text.Json;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>Outside Development, errors stay problems but reveal nothing internal, and the dashboard is not mapped.</summary>
public sealed class ApiProductionTests
{
    [Fact]
    public async Task An_unhandled_exception_answers_a_500_problem_without_internal_detail()
    {
        await using var factory = new OpsideApiFactory(environment: "Production");
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"{ProbeEndpoints.Prefix}/boom", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Correlation-ID")), problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_plain_http_is_redirected_to_https()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(new Dictionary<string, string?> { ["https_port"] = "443" }, environment: "Production");
        using var https = factory.CreateClient(new() { BaseAddress = new Uri("https://api.opside.test/"), AllowAutoRedirect = false });
        using var http = factory.CreateClient(new() { BaseAddress = new Uri("http://api.opside.test/"), AllowAutoRedirect = false });

        var secure = await https.GetAsync("/health/live", ct);
        var plain = await http.GetAsync("/health/live", ct);

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal(new Uri("https://api.opside.test/health/live"), plain.Headers.Location);
    }

    [Fact]
    public async Task The_dashboard_answers_ops_users_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory(environment: "Production");
        using var anonymous = factory.CreateClient();
        using var seller = factory.CreateClientWithToken(TestAuth.Mint("Seller", sellerId: "s-1"));
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/dashboard/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/dashboard/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/dashboard/DashboardCounters", ct)).StatusCode);
    }
}
