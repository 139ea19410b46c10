using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opside.Api.Amazon;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>The newcomer's path: Development with the built-in sandbox connects a demo seller with no Amazon credentials.</summary>
public sealed class DevelopmentSandboxTests
{
    [Fact]
    public async Task With_the_built_in_sandbox_a_demo_seller_connects_through_the_consent_flow()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var factory = WithBuiltInSandbox(port, "Development");
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (account, token) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var seller = factory.CreateBrowser(token);

        var consentUrl = await AmazonSteps.LinkAsync(seller, account.SellerId, ct);
        var callback = await AmazonSteps.ConsentAsync(seller, account.SellerId, ct);
        var landed = await seller.GetAsync(callback, ct);

        Assert.Equal(port, consentUrl.Port);
        Assert.Equal("http://localhost/?connected=true", landed.Headers.Location?.ToString());
        var status = await seller.GetFromJsonAsync<JsonElement>($"/api/sellers/{account.SellerId}/amazon/connection", ct);
        Assert.True(status.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Outside_development_the_sandbox_setting_is_ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var factory = WithBuiltInSandbox(port, "Production");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);

        using var probe = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"http://127.0.0.1:{port}/", ct));
    }

    private static OpsideApiFactory WithBuiltInSandbox(int port, string environment) => new(new Dictionary<string, string?>
    {
        ["Amazon:Sandbox:Enabled"] = "true",
        ["Amazon:Sandbox:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Amazon:RedirectUri"] = "http://localhost/api/amazon/callback",
        ["Amazon:FrontEndUrl"] = "http://localhost/",
    }, environment);
}
