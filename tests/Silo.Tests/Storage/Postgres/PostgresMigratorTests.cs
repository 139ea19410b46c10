using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Opside.Storage.Postgres;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage.Postgres;

public sealed class PostgresMigratorTests
{
    private static readonly string[] OrleansMigrations =
    [
        "0001_orleans_query",
        "0002_orleans_membership",
        "0003_orleans_grain_state",
        "0004_orleans_reminders",
    ];

    private static readonly string[] ProviderQueryKeys =
    [
        // Microsoft.Orleans.Clustering.AdoNet 10.4.2 (CleanupDefunctSiloEntryKey is optional but preferred)
        "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
        "DeleteMembershipTableEntriesKey",
        "GatewaysQueryKey",
        "InsertMembershipKey",
        "InsertMembershipVersionKey",
        "MembershipReadAllKey",
        "MembershipReadRowKey",
        "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey",
        // Microsoft.Orleans.Persistence.AdoNet 10.4.2 (DeleteStorageKey serves DeleteStateOnClear)
        "ClearStorageKey",
        "DeleteStorageKey",
        "ReadFromStorageKey",
        "WriteToStorageKey",
        // Microsoft.Orleans.Reminders.AdoNet 10.4.2
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "ReadReminderRowsKey",
        "UpsertReminderRowKey",
    ];

    [Fact]
    public void Embedded_migrations_start_with_the_orleans_scripts_and_are_numbered_without_gaps()
    {
        var embedded = PostgresMigrator.Embedded;

        Assert.Equal(OrleansMigrations, embedded.Take(OrleansMigrations.Length).Select(m => m.Name));
        Assert.Equal(Enumerable.Range(1, embedded.Count), embedded.Select(m => m.Version));
        Assert.All(embedded, m => Assert.Matches("^[0-9a-f]{64}$", m.Checksum));
    }

    [Fact]
    public async Task A_fresh_database_gets_every_migration_and_every_query_the_providers_require()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);

        var applied = await Migrator(database).MigrateAsync(ct);

        Assert.Equal(PostgresMigrator.Embedded.Select(m => m.Name), applied);
        Assert.Equal(
            PostgresMigrator.Embedded.Select(m => (m.Version, m.Name, m.Checksum)),
            await ReadSchemaVersionsAsync(database, ct));
        Assert.Equal(ProviderQueryKeys.Order(StringComparer.Ordinal), await ReadQueryKeysAsync(database, ct));
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_applies_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        await Migrator(database).MigrateAsync(ct);
        var versionsBefore = await ReadSchemaVersionsAsync(database, ct);

        var appliedAgain = await Migrator(database).MigrateAsync(ct);

        Assert.Empty(appliedAgain);
        Assert.Equal(versionsBefore, await ReadSchemaVersionsAsync(database, ct));
    }

    [Fact]
    public async Task Migrators_started_together_on_a_fresh_database_all_succeed_and_apply_each_migration_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Migrator(database).MigrateAsync(ct), ct)));

        var appliedByAll = results.SelectMany(names => names).ToList();
        Assert.Equal(PostgresMigrator.Embedded.Select(m => m.Name).Order(StringComparer.Ordinal), appliedByAll.Order(StringComparer.Ordinal));
        Assert.Single(results, names => names.Count > 0);
        Assert.Equal(PostgresMigrator.Embedded.Count, (await ReadSchemaVersionsAsync(database, ct)).Count);
        Assert.Equal(ProviderQueryKeys.Length, (await ReadQueryKeysAsync(database, ct)).Count);
    }

    [Fact]
    public async Task A_migration_whose_recorded_checksum_differs_makes_the_migrator_refuse_to_start_and_name_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        await Migrator(database).MigrateAsync(ct);
        await ExecuteAsync(database, "UPDATE opside_schema_version SET checksum = 'tampered' WHERE version = 2", ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(database).MigrateAsync(ct));

        Assert.Contains("0002_orleans_membership", error.Message, StringComparison.Ordinal);
        Assert.Contains("tampered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_applied_migration_is_logged_at_information_with_its_name_and_version_as_properties()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        var logger = new RecordingLogger();

        await new PostgresMigrator(database.ConnectionString, logger).MigrateAsync(ct);

        var logged = logger.Entries
            .Where(e => e.Level == LogLevel.Information && e.Properties.ContainsKey("MigrationName"))
            .Select(e => (Name: e.Properties["MigrationName"], Version: e.Properties["MigrationVersion"]))
            .ToList();
        Assert.Equal(PostgresMigrator.Embedded.Select(m => ((object?)m.Name, (object?)m.Version)), logged);
    }

    [Fact]
    public async Task No_session_holds_the_migration_lock_once_migrating_is_over()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresServer.CreateDatabaseAsync(ct);
        await Migrator(database).MigrateAsync(ct);

        // pg_locks sees every session, idle pooled ones included: a lock left on any of them would show here. Only
        // this database's: other test processes migrate their own databases on the same server meanwhile.
        var unpooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(ct);
        await using var held = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = @key " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        held.Parameters.AddWithValue("key", PostgresMigrator.AdvisoryLockKey);

        Assert.Equal(0L, await held.ExecuteScalarAsync(ct));
    }

    private static PostgresMigrator Migrator(TestDatabase database) =>
        new(database.ConnectionString, NullLogger<PostgresMigrator>.Instance);

    private static async Task<List<(int Version, string Name, string Checksum)>> ReadSchemaVersionsAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM opside_schema_version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(int, string, string)>();
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    private static async Task<List<string>> ReadQueryKeysAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<string>();
        while (await reader.ReadAsync(ct))
            keys.Add(reader.GetString(0));
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record LogEntry(LogLevel Level, IReadOnlyDictionary<string, object?> Properties);

    private sealed class RecordingLogger : ILogger<PostgresMigrator>
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyCollection<LogEntry> Entries => _entries;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            _entries.Enqueue(new LogEntry(logLevel, properties));
        }
    }
}
