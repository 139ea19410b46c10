using System.Net;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Dashboard;
using Opside.Grains.Amazon;
using Opside.Grains.Billing;
using Opside.Hosting.Diagnostics;
using Opside.Hosting.Security;
using Opside.Storage;
using Opside.Storage.DataPlane;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;
using Opside.Grains.Security;
using Opside.Grains.Scoring;
using Opside.Grains.Sync;

namespace Opside.Hosting.Cluster;

/// <summary>
/// The silo configuration shared by the headless silo host and the API's co-hosted mode,
/// so that a single-node run and a scaled-out cluster differ only in configuration.
/// </summary>
public static class SiloHostingExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// The unscoped ADO.NET provider's name, deliberately one no grain would name in [PersistentState]:
    /// grains must reach it only through the default provider, which scopes rows by grain type.
    /// </summary>
    private const string AdoNetStorageName = "opside-internal-adonet-unscoped";

    /// <summary>Runs an Orleans silo in this process, configured from the Orleans, Cluster and Storage sections.</summary>
    public static IHostApplicationBuilder AddOpsideSilo(this IHostApplicationBuilder builder) =>
        builder.AddOpsideSilo(OpsideHostingSettings.Register(builder));

    internal static IHostApplicationBuilder AddOpsideSilo(this IHostApplicationBuilder builder, OpsideHostingSettings settings)
    {
        // Hosted services start in registration order: the schema must exist before the
        // ADO.NET providers read their queries at silo start.
        if (settings.Storage is { Provider: StorageProvider.Postgres, MigrateOnStart: true })
            builder.Services.AddHostedService(sp => new MigrateOnStartService(settings.Storage, sp.GetRequiredService<ILogger<PostgresMigrator>>()));

        builder.UseOrleans(silo =>
        {
            ConfigureClustering(silo, settings);
            silo.UseOpsideTls(settings.Orleans.Tls);
            ConfigureStorage(silo, settings.Storage);
            silo.AddIncomingGrainCallFilter<CorrelationGrainCallFilter>();
            silo.AddActivityPropagation();
            silo.AddDashboard(o => o.HideTrace = !builder.Environment.IsDevelopment());
        });

        // The seller's Amazon rows, in the same store as grain state (after UseOrleans: SQLite's store needs the
        // SqliteDatabase its storage registered).
        builder.Services.AddOpsideDataPlane(settings.Storage);
        builder.Services.AddSingleton<RefundModelTraining>();
        builder.Services.AddSingleton<ModelCatalog>();

        // Grains reach Amazon with the seller's decrypted refresh token to sync its data.
        builder.Services.AddOpsideAmazonClient();
        builder.Services.AddOpsideTokenProtection();
        builder.Services.AddOpsideSync();
        builder.Services.AddOpsideBilling();

        builder.Services.AddOpsideStorageHealthCheck(settings.Storage);
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo", tags: [ReadinessChecks.Tag], timeout: ReadinessChecks.Timeout);
        return builder;
    }

    private static void ConfigureClustering(ISiloBuilder silo, OpsideHostingSettings settings)
    {
        var orleans = settings.Orleans;
        switch (settings.Cluster.Provider)
        {
            case ClusterProvider.Localhost:
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                break;
            case ClusterProvider.AdoNet:
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (orleans.ClusterId, orleans.ServiceId));
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, settings.Storage.ConnectionString));
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = orleans.Membership.ProbeTimeout;
                    o.NumMissedProbesLimit = orleans.Membership.MissedProbesLimit;
                    o.DefunctSiloExpiration = orleans.Membership.DefunctSiloExpiration;
                });
                if (string.IsNullOrWhiteSpace(orleans.AdvertisedAddress))
                    silo.ConfigureEndpoints(orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
                else
                    silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedAddress), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Provider '{settings.Cluster.Provider}' is not supported.");
        }
    }

    private static void ConfigureStorage(ISiloBuilder silo, StorageOptions storage)
    {
        // Plain JSON without CLR type names, on both providers: rows stay readable and survive renames.
        silo.UseSystemTextJsonGrainStorageSerializer();
        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                silo.AddOpsideSqliteStorage(storage.SqliteFilePath);
                break;
            case StorageProvider.Postgres:
                silo.AddAdoNetGrainStorage(AdoNetStorageName, o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, storage.ConnectionString));
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) =>
                    new GrainTypeScopedStorage(services.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName)));
                silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, storage.ConnectionString));
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported.");
        }
    }
}
