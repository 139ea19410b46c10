using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Opside.DataPlane.Storage;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;

namespace Opside.Benchmarks.Detection.EndToEnd;

/// <summary>
/// A throwaway store for one benchmark run: a migrated PostgreSQL database created on the server that
/// <see cref="PostgresVariable"/> names (dropped afterwards), or a SQLite file in a temporary folder (deleted).
/// <see cref="Locator"/> is what a silo is configured with to use it: a connection string or a data directory.
/// </summary>
internal sealed class BenchStore : IAsyncDisposable
{
    public const string PostgresVariable = "OPSIDE_BENCH_POSTGRES";

    private readonly Func<Task> _cleanup;

    private BenchStore(string provider, string locator, Func<Task> cleanup)
    {
        (Provider, Locator, _cleanup) = (provider, locator, cleanup);
    }

    public string Provider { get; }

    public string Locator { get; }

    public static async Task<BenchStore> CreateAsync(string provider, bool keep = false)
    {
        var store = await CreateAsync(provider);
        if (!keep)
            return store;
        Console.WriteLine($"kept: {store.Locator}");
        return new BenchStore(store.Provider, store.Locator, () => Task.CompletedTask);
    }

    private static async Task<BenchStore> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var directory = Path.Combine(Path.GetTempPath(), "opside-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new BenchStore(provider, directory, () =>
            {
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            });
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} must name a PostgreSQL server (an admin connection string) for --store postgres");
        var name = $"opside_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        await new PostgresMigrator(connectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        return new BenchStore(provider, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    /// <summary>The data-plane store over this target, for seeding; dispose it before a silo opens the target.</summary>
    public (IDataPlaneStore Store, IDisposable Lifetime) Open()
    {
        if (Provider == "sqlite")
        {
            var database = new SqliteDatabase(Path.Combine(Locator, "opside.db"), NullLogger<SqliteDatabase>.Instance);
            return (new SqliteDataPlaneStore(database), database);
        }

        var dataSource = NpgsqlDataSource.Create(Locator);
        return (new PostgresDataPlaneStore(dataSource), dataSource);
    }

    /// <summary>Silo settings that put grain state, reminders and the data plane in this target.</summary>
    public static Dictionary<string, string?> SiloSettings(string provider, string locator) => provider == "sqlite"
        ? new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = locator }
        : new() { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Opside"] = locator };

    public ValueTask DisposeAsync() => new(_cleanup());

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
