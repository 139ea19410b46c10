using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Opside.Hosting.Diagnostics;
using Opside.Storage;
using Opside.Testing;

namespace Opside.Silo.Tests.Diagnostics;

/// <summary>Readiness must fail, naming the store, when the store does not answer.</summary>
public sealed class StorageHealthCheckTests
{
    [Fact]
    public async Task An_unreachable_postgres_server_is_unhealthy_and_named()
    {
        var storage = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Database=opside;Username=opside;Password=unused",
        };
        var check = new StorageHealthCheck(storage, new ServiceCollection().BuildServiceProvider());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Postgres is unreachable", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("unused", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reachable_postgres_database_without_the_schema_is_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString };
        var check = new StorageHealthCheck(storage, new ServiceCollection().BuildServiceProvider());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("opside_schema_version", result.Description, StringComparison.Ordinal);
    }
}
