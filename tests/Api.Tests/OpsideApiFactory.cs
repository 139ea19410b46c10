using Microsoft.AspNetCore.Hosting;
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

    public OpsideApiFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development")
    {
        _environment = environment;
        _settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Cluster:Provider"] = "Localhost",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddTransient<IStartupFilter, ProbeEndpoints>();
        });
    }
}
