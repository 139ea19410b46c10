using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Opside.Storage.Postgres;
using Xunit;

namespace Opside.Testing;

/// <summary>
/// Gives PostgreSQL-backed tests a database of their own on the server named by
/// <c>OPSIDE_TEST_POSTGRES</c> (an admin connection string; <c>scripts/test.sh</c> provisions a throwaway
/// server and sets it). Without that variable the calling test is reported as skipped, never as passed.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "OPSIDE_TEST_POSTGRES";

    public const string SkipReason = "OPSIDE_TEST_POSTGRES is not set: run ./scripts/test.sh, which provisions PostgreSQL";

    /// <summary>The admin connection string, or <see langword="null"/> when none is configured.</summary>
    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates an empty, uniquely named database; disposing the result drops it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = AdminConnectionString;
        if (admin is null)
            Assert.Skip(SkipReason);

        var name = string.Create(CultureInfo.InvariantCulture, $"opside_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(admin, name, connectionString);
    }

    /// <summary>Creates a database with every Opside migration applied, as <c>Silo migrate</c> leaves it.</summary>
    public static async Task<TestDatabase> CreateMigratedDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var database = await CreateDatabaseAsync(cancellationToken);
        await new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync(cancellationToken);
        return database;
    }
}

/// <summary>A database created for one test; <see cref="DisposeAsync"/> drops it, closing any sessions still on it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    internal TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections would otherwise be killed under the pool by DROP ... WITH (FORCE).
        await using (var pooled = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(pooled);

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
