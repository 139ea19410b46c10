using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Opside.Hosting.Cluster;

namespace Opside.Benchmarks.Detection.EndToEnd;

/// <summary>
/// A silo as production builds it (<c>AddOpsideSilo</c>) on a <see cref="BenchStore"/>'s target, alone on localhost
/// ports nothing else holds, logging warnings only unless the settings given say otherwise.
/// </summary>
internal static class BenchSilo
{
    public static async Task<IHost> StartAsync(string provider, string locator, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Provider"] = "Localhost",
            ["Orleans:SiloPort"] = FreeTcpPort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreeTcpPort().ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(BenchStore.SiloSettings(provider, locator));
        builder.AddOpsideSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
