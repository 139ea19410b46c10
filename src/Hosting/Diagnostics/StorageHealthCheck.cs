using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Opside.Storage;
using Opside.Storage.Sqlite;

namespace Opside.Hosting.Diagnostics;

/// <summary>Ready when the configured store answers a query against Opside's own schema.</summary>
public sealed class StorageHealthCheck(StorageOptions storage, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = storage.Provider == StorageProvider.Postgres
                ? "SELECT count(*) FROM opside_schema_version"
                : "SELECT count(*) FROM schema_version";
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{storage.Provider} answered ({version} schema migrations applied).");
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} is unreachable: {ex.Message}");
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (storage.Provider == StorageProvider.Sqlite)
            return await services.GetRequiredService<SqliteDatabase>().OpenConnectionAsync(cancellationToken);

        var quick = new NpgsqlConnectionStringBuilder(storage.ConnectionString)
        {
            Timeout = (int)ReadinessChecks.Timeout.TotalSeconds,
            CommandTimeout = (int)ReadinessChecks.Timeout.TotalSeconds,
        };
        var connection = new NpgsqlConnection(quick.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

public static class StorageHealthCheckExtensions
{
    public static IServiceCollection AddOpsideStorageHealthCheck(this IServiceCollection services, StorageOptions storage)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "storage", sp => new StorageHealthCheck(storage, sp), HealthStatus.Unhealthy, [ReadinessChecks.Tag], ReadinessChecks.Timeout));
        return services;
    }
}
