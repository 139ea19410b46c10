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

    public static async Task<SandboxServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var app = SandboxApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                builder.Configuration[key] = value;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record SelfAuthorization(string SellingPartnerId, string RefreshToken);
}
