using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Opside.Storage.Postgres;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage.Postgres;

/// <summary>The two ways an operator applies migrations: the migrate command and Storage:MigrateOnStart.</summary>
public sealed class MigrationEntryPointsTests
{
    [Fact]
    public async Task The_migrate_command_applies_every_migration_and_exits_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);

        var exitCode = await MigrateCommand.RunAsync(["--ConnectionStrings:Opside", database.ConnectionString]);

        Assert.Equal(0, exitCode);
        Assert.Equal(PostgresMigrator.Embedded.Count, await CountAppliedAsync(database.ConnectionString, ct));
        Assert.Equal(0, await MigrateCommand.RunAsync(["--ConnectionStrings:Opside", database.ConnectionString]));
    }

    [Fact]
    public async Task The_migrate_command_without_a_connection_string_exits_non_zero()
    {
        Assert.Equal(2, await MigrateCommand.RunAsync(["--ConnectionStrings:Opside", ""]));
    }

    [Fact]
    public async Task A_silo_with_migrate_on_start_prepares_an_empty_database_before_it_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        var settings = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "migrate-on-start");
        settings["Storage:MigrateOnStart"] = "true";

        await using var silo = await TestSilo.StartAsync(settings, cancellationToken: ct);

        Assert.Equal(PostgresMigrator.Embedded.Count, await CountAppliedAsync(database.ConnectionString, ct));
        var membership = silo.Services.GetRequiredService<Orleans.Runtime.IClusterMembershipService>();
        Assert.Contains(membership.CurrentSnapshot.Members.Values, m => m.Status == Orleans.Runtime.SiloStatus.Active);
        await silo.StopAsync(ct);
    }

    private static async Task<int> CountAppliedAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM opside_schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
