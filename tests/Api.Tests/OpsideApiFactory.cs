using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Opside.Testing;
using Serilog.Core;

namespace Opside.Api.Tests;

/// <summary>
/// The real API with a co-hosted silo on its own free ports and its own SQLite folder, plus the
/// test-only probe routes and a log capture.
/// </summary>
public sealed class OpsideApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly TempDirectory? _ownedData;

    /// <summary>A host on a SQLite folder of its own, deleted with the factory.</summary>
    public OpsideApiFactory(IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development")
        : this(new TempDirectory(), overrides, environment)
    {
    }

    /// <summary>A host on <paramref name="dataDirectory"/>, which outlives the factory (to restart on the same data).</summary>
    public OpsideApiFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development")
        : this(dataDirectory, ownedData: null, overrides, environment)
    {
    }

    private OpsideApiFactory(TempDirectory ownedData, IReadOnlyDictionary<string, string?>? overrides, string environment)
        : this(ownedData.Path, ownedData, overrides, environment)
    {
    }

    private OpsideApiFactory(string dataDirectory, TempDirectory? ownedData, IReadOnlyDictionary<string, string?>? overrides, string environment)
    {
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        _environment = environment;
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Cluster:Provider"] = "Localhost",
            ["RateLimits:AuthPermitLimit"] = "10000",
            ["RateLimits:ConsentCallbackPermitLimit"] = "10000",
            ["RateLimits:RegisterPermitLimit"] = "10000",
            // Tests start their own sandbox on a free port when they need one.
            ["Amazon:Sandbox:Enabled"] = "false",
            ["Auth:BootstrapOps:Email"] = OpsEmail,
            ["Auth:BootstrapOps:Password"] = OpsPassword,
        };
        foreach (var (key, value) in TestAuth.Settings())
            _settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public const string OpsEmail = "ops@opside.test";
    public const string OpsPassword = "correct horse battery staple";

    public LogCapture Logs { get; } = new();

    public string DataDirectory { get; }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A browser of a signed-in user: its own cookie jar, over https (so Secure cookies travel, as they would),
    /// redirects left to the caller, and <paramref name="token"/> as the bearer token of the front end's calls.
    /// </summary>
    public HttpClient CreateBrowser(string? token = null)
    {
        var client = CreateClient(new() { BaseAddress = new Uri("https://localhost/"), AllowAutoRedirect = false, HandleCookies = true });
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Serves over real sockets (Kestrel on a free loopback port) instead of the in-memory server, for tests that
    /// need a TCP peer address or the local port a request arrived on. Call before the first client.
    /// </summary>
    public OpsideApiFactory OnSockets()
    {
        _settings["urls"] = "http://127.0.0.1:0";
        UseKestrel();
        return this;
    }

    /// <summary>A client of the public port of a host <see cref="OnSockets"/> (not the management port, which listens on every address).</summary>
    public HttpClient CreateSocketClient(bool allowAutoRedirect = true)
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var api = addresses.Select(a => new Uri(a)).Single(a => a.Host == "127.0.0.1");
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = allowAutoRedirect }) { BaseAddress = api };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddTransient<IStartupFilter, ProbeEndpoints>();
            services.AddTransient<IStartupFilter, TestClientAddress>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ownedData?.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _ownedData?.Dispose();
    }
}
