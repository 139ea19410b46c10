using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Opside.DataPlane.Billing;
using Opside.DataPlane.Storage;
using Opside.Scoring.Storage;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;

namespace Opside.Storage.DataPlane;

public static class DataPlaneServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IDataPlaneStore"/>, <see cref="IModelStore"/>, <see cref="IBillingLedger"/> and <see cref="IBillingAccounts"/> singletons of <c>Storage:Provider</c>. SQLite uses the
    /// <see cref="SqliteDatabase"/> that the silo's SQLite storage registers (the same file as grain state);
    /// PostgreSQL uses the registered <see cref="NpgsqlDataSource"/>, or one on <c>ConnectionStrings:Opside</c>, and
    /// needs migration 0005_data_plane applied (<c>migrate</c>, or Storage:MigrateOnStart).
    /// </summary>
    public static IServiceCollection AddOpsideDataPlane(this IServiceCollection services, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storage);
        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddSingleton<IDataPlaneStore>(sp => new SqliteDataPlaneStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IModelStore>(sp => new SqliteModelStore(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IBillingLedger>(sp => new SqliteBillingLedger(sp.GetRequiredService<SqliteDatabase>()));
                services.AddSingleton<IBillingAccounts>(sp => new SqliteBillingAccounts(sp.GetRequiredService<SqliteDatabase>()));
                break;
            case StorageProvider.Postgres:
                var connectionString = storage.ConnectionString;
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.ConnectionStringName} is required when {StorageOptions.Section}:Provider is Postgres.");
                services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
                services.AddSingleton<IDataPlaneStore>(sp => new PostgresDataPlaneStore(sp.GetRequiredService<NpgsqlDataSource>()));
                services.AddSingleton<IModelStore>(sp => new PostgresModelStore(sp.GetRequiredService<NpgsqlDataSource>()));
                services.AddSingleton<IBillingLedger>(sp => new PostgresBillingLedger(sp.GetRequiredService<NpgsqlDataSource>()));
                services.AddSingleton<IBillingAccounts>(sp => new PostgresBillingAccounts(sp.GetRequiredService<NpgsqlDataSource>()));
                break;
            default:
                throw new InvalidOperationException($"{StorageOptions.Section}:Provider '{storage.Provider}' is not supported.");
        }

        return services;
    }
}
