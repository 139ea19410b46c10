using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Opside.Silo.Storage;

namespace Opside.Silo.Diagnostics;

/// <summary>Ready when the configured store answers a trivial query.</summary>
public sealed class StorageHealthCheck(StorageOptions storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = Open();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{storage.Provider} answered.");
        }
        catch (DbException ex)
        {
            // The message of a DbException can carry the host name but never the password.
            return HealthCheckResult.Unhealthy($"{storage.Provider} is unreachable: {ex.Message}");
        }
    }

    private DbConnection Open() => storage.Provider switch
    {
        StorageProvider.Postgres => new NpgsqlConnection(storage.ConnectionString),
        _ => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storage.SqliteFilePath, Mode = SqliteOpenMode.ReadOnly }.ToString()),
    };
}

public static class StorageHealthCheckExtensions
{
    public static IServiceCollection AddOpsideStorageHealthCheck(this IServiceCollection services, StorageOptions storage)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "storage", _ => new StorageHealthCheck(storage), HealthStatus.Unhealthy, [HealthTags.Ready]));
        return services;
    }
}
