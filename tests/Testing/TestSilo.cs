using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Opside.Hosting.Cluster;

namespace Opside.Testing;

/// <summary>Starts a real silo host in this process with Opside's own silo configuration and free ports.</summary>
public static class TestSilo
{
    public static async Task<TestSiloHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(WithFreePorts(settings));
        builder.AddOpsideSilo();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new TestSiloHost(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Settings for a silo whose state lives in PostgreSQL and whose membership is local or in PostgreSQL.</summary>
    public static Dictionary<string, string?> Postgres(string connectionString, bool clusterInDatabase, string clusterId = "test") => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Opside"] = connectionString,
        ["Cluster:Provider"] = clusterInDatabase ? "AdoNet" : "Localhost",
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:AdvertisedAddress"] = "127.0.0.1",
    };

    /// <summary>Settings for a single-node silo on a SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> Sqlite(string dataDirectory) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = dataDirectory,
        ["Cluster:Provider"] = "Localhost",
    };

    private static Dictionary<string, string?> WithFreePorts(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        all.TryAdd("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        all.TryAdd("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return all;
    }
}
