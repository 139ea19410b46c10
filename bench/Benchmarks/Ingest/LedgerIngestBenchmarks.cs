using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Storage.Postgres;
using Opside.Storage.Sqlite;

namespace Opside.Benchmarks.Ingest;

/// <summary>
/// Ingest throughput of the data-plane stores: one <see cref="IDataPlaneStore.ReplaceLedgerAsync"/> of
/// <see cref="Rows"/> realistic ledger rows into a seller's range that holds nothing yet, in a table that already
/// holds another seller's <see cref="BackgroundRows"/> rows (so indexes are not trivially small). Times and
/// allocations are reported per row. PostgreSQL runs only when <see cref="PostgresVariable"/> names a server
/// (an admin connection string: a throwaway database is created and dropped); otherwise it is filtered out.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PostgresAvailableConfig))]
public class LedgerIngestBenchmarks
{
    public const string PostgresVariable = "OPSIDE_BENCH_POSTGRES";

    private const int Rows = 100_000;
    private const int BackgroundRows = 1_000_000;
    private const string Seller = "bench-seller";
    private static readonly DateOnly FirstDay = new(2024, 1, 1);
    private static readonly DateOnly LastDay = FirstDay.AddDays(29);

    private IReadOnlyList<LedgerEvent> _rows = [];
    private IDataPlaneStore _store = null!;
    private Action _clearSeller = null!;
    private Action _cleanup = null!;

    [Params("Sqlite", "Postgres")]
    public string Store { get; set; } = "Sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _rows = LedgerRows.Generate(Rows, FirstDay, LastDay, seed: 42);
        if (Store == "Sqlite")
            SetUpSqlite();
        else
            SetUpPostgres();

        _store.ReplaceLedgerAsync("background-seller", FirstDay, LastDay, LedgerRows.Generate(BackgroundRows, FirstDay, LastDay, seed: 7), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    /// <summary>Empties the seller's range before each iteration, so every run inserts into a fresh range.</summary>
    [IterationSetup]
    public void ClearSeller() => _clearSeller();

    [Benchmark(OperationsPerInvoke = Rows)]
    public Task<int> ReplaceLedger() => _store.ReplaceLedgerAsync(Seller, FirstDay, LastDay, _rows, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup() => _cleanup();

    private void SetUpSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "opside-bench", Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(Path.Combine(directory, "opside.db"), NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteDataPlaneStore(database);
        _clearSeller = () => _store.ReplaceLedgerAsync(Seller, FirstDay, LastDay, [], CancellationToken.None).GetAwaiter().GetResult();
        _cleanup = () =>
        {
            database.Dispose();
            Directory.Delete(directory, recursive: true);
        };
    }

    private void SetUpPostgres()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set (the config filters this case out)");
        var name = $"opside_bench_{Guid.NewGuid():N}";
        Execute(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        new PostgresMigrator(connectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();

        var dataSource = NpgsqlDataSource.Create(connectionString);
        _store = new PostgresDataPlaneStore(dataSource);
        _clearSeller = () =>
        {
            _store.ReplaceLedgerAsync(Seller, FirstDay, LastDay, [], CancellationToken.None).GetAwaiter().GetResult();
            // The deleted rows' dead tuples and index entries would otherwise pile up from iteration to iteration.
            Execute(connectionString, "VACUUM ledger_events");
        };
        _cleanup = () =>
        {
            dataSource.Dispose();
            NpgsqlConnection.ClearAllPools();
            Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        };
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs the PostgreSQL cases only when a server is configured, and says so when it is not.</summary>
    private sealed class PostgresAvailableConfig : ManualConfig
    {
        public PostgresAvailableConfig()
        {
            var available = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable));
            if (!available)
                Console.WriteLine($"// {nameof(LedgerIngestBenchmarks)}: {PostgresVariable} is not set, skipping the Postgres cases.");
            AddFilter(new SimpleFilter(benchmark =>
                available || !benchmark.Parameters.Items.Any(p => p.Name == nameof(Store) && Equals(p.Value, "Postgres"))));
        }
    }
}
