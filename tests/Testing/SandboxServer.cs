using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Opside.Sandbox;
using Opside.Sandbox.Lwa;

namespace Opside.Testing;

/// <summary>The Amazon sandbox on a real loopback port, so that Opside reaches it over HTTP as it would Amazon.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress) => (_app, BaseAddress) = (app, baseAddress);

    public Uri BaseAddress { get; }

    /// <summary>
    /// Settings every test sandbox starts with unless the caller overrides them: small sellers, reports ready at once,
    /// no report-generation cooldown. Rate limits stay Amazon's unless Sandbox:RateLimits or Sandbox:RateLimitScale is given.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
    {
        ["Sandbox:Scale"] = "Small",
        ["Sandbox:ReportProcessingTime"] = "00:00:00",
        ["Sandbox:ReportCooldown:NearRealTime"] = "00:00:00",
        ["Sandbox:ReportCooldown:Daily"] = "00:00:00",
    };

    /// <param name="settings">Configuration over <see cref="TestDefaults"/>.</param>
    /// <param name="time">The sandbox's clock (e.g. a FakeTimeProvider to expire document URLs); the system clock when null.</param>
    public static async Task<SandboxServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var app = SandboxApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            foreach (var (key, value) in TestDefaults.Concat(settings ?? new Dictionary<string, string?>()))
                builder.Configuration[key] = value;
            if (time is not null)
                builder.Services.AddSingleton(time);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address));
    }

    /// <summary>Opside settings that make it treat this sandbox as Amazon.</summary>
    public Dictionary<string, string?> OpsideSettings()
    {
        var sandbox = new SandboxOptions();
        var root = BaseAddress.ToString().TrimEnd('/');
        return new()
        {
            ["Amazon:LwaTokenEndpoint"] = root + LwaEndpoints.TokenPath,
            ["Amazon:ClientId"] = sandbox.ClientId,
            ["Amazon:ClientSecret"] = sandbox.ClientSecret,
            ["Amazon:ApplicationId"] = sandbox.ApplicationId,
            ["Amazon:Regions:NA:SellerCentralUrl"] = root,
            ["Amazon:Regions:NA:Endpoint"] = root,
            ["Amazon:Regions:NA:DocumentHosts:0"] = BaseAddress.Host,
            ["Amazon:AllowLoopbackDocumentHosts"] = "true",
        };
    }

    /// <summary>A refresh token of a seller that self-authorised the app.</summary>
    public async Task<(string SellingPartnerId, string RefreshToken)> SelfAuthorizeAsync(string sellingPartnerId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var response = await http.PostAsync($"/sandbox/self-authorizations?sellingPartnerId={Uri.EscapeDataString(sellingPartnerId)}", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<SelfAuthorization>(cancellationToken))!;
        return (body.SellingPartnerId, body.RefreshToken);
    }

    /// <summary>An SP-API access token (for the x-amz-access-token header) of a seller that self-authorised the app.</summary>
    public async Task<string> AccessTokenAsync(string sellingPartnerId, CancellationToken cancellationToken)
    {
        var (_, refreshToken) = await SelfAuthorizeAsync(sellingPartnerId, cancellationToken);
        var sandbox = new SandboxOptions();
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = sandbox.ClientId,
            ["client_secret"] = sandbox.ClientSecret,
        });
        var response = await http.PostAsync(LwaEndpoints.TokenPath, form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(cancellationToken))!;
        return body["access_token"].GetString()!;
    }

    /// <summary>An HttpClient on the sandbox that calls the SP-API as <paramref name="sellingPartnerId"/>.</summary>
    public async Task<HttpClient> SpApiClientAsync(string sellingPartnerId, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("x-amz-access-token", await AccessTokenAsync(sellingPartnerId, cancellationToken));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record SelfAuthorization(string SellingPartnerId, string RefreshToken);
}
