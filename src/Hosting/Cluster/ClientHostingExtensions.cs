using Orleans.Configuration;
using Orleans.Dashboard;
using Opside.Hosting.Diagnostics;
using Opside.Storage;
using Opside.Storage.DataPlane;

namespace Opside.Hosting.Cluster;

public static class ClientHostingExtensions
{
    /// <summary>Connects this process to a separate Orleans cluster through its gateways.</summary>
    public static IHostApplicationBuilder AddOpsideClusterClient(this IHostApplicationBuilder builder) =>
        builder.AddOpsideClusterClient(OpsideHostingSettings.Register(builder));

    internal static IHostApplicationBuilder AddOpsideClusterClient(this IHostApplicationBuilder builder, OpsideHostingSettings settings)
    {
        var orleans = settings.Orleans;

        builder.UseOrleansClient(client =>
        {
            switch (settings.Cluster.Provider)
            {
                case ClusterProvider.Localhost:
                    var ports = orleans.GatewayPorts.Count > 0 ? orleans.GatewayPorts.ToArray() : [orleans.GatewayPort];
                    client.UseLocalhostClustering(ports, orleans.ServiceId, orleans.ClusterId);
                    break;
                case ClusterProvider.AdoNet:
                    client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                    client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", settings.Storage.ConnectionString));
                    break;
                default:
                    throw new InvalidOperationException($"Cluster:Provider '{settings.Cluster.Provider}' is not supported.");
            }

            client.UseOpsideTls(orleans.Tls);
            client.AddActivityPropagation();
            client.AddDashboard();
        });

        // A client holds no grain state, but writes sellers' uploads to the data plane, which lives in PostgreSQL.
        if (settings.Storage.Provider == StorageProvider.Postgres)
        {
            builder.Services.AddOpsideStorageHealthCheck(settings.Storage);
            builder.Services.AddOpsideDataPlane(settings.Storage);
        }
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [ReadinessChecks.Tag], timeout: ReadinessChecks.Timeout);
        return builder;
    }
}
