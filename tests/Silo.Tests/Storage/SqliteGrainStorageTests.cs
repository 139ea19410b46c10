using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.Silo.Tests.Storage;

public sealed class SqliteGrainStorageTests : GrainStorageContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    // A folder that does not exist yet: start-up must create it.
    private string DatabaseFile => Path.Combine(_directory.Path, "data", "opside.db");

    protected override Task<IHost> StartSiloAsync() => SqliteTestSilo.StartAsync(DatabaseFile);

    [Fact]
    public async Task The_file_stores_payloads_as_plain_json_without_type_names_and_runs_in_wal_mode()
    {
        await using (var silo = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await silo.GrainStorage.WriteStateAsync(StateName, Seller, new GrainState<StorageContractState>(new() { Name = "Acme Outdoor", Visits = 2 }), Ct);
        }

        // The stopped host released its pooled connections, so the last close checkpointed the WAL into the file.
        Assert.False(File.Exists(DatabaseFile + "-wal"));
        await using var connection = await SqliteTestSilo.OpenRawAsync(DatabaseFile);
        var (payload, version) = await ReadRowAsync(connection);
        var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode;");
        var schemaVersion = await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version;");

        Assert.NotNull(payload);
        Assert.DoesNotContain("$type", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("$id", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(StorageContractState), payload, StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(StorageContractState).Assembly.GetName().Name!, payload, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("Acme Outdoor", json.RootElement.GetProperty("Name").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("Visits").GetInt32());
        Assert.Equal(1L, version);
        Assert.Equal("wal", journalMode);
        Assert.Equal(SqliteDatabase.LatestSchemaVersion, Convert.ToInt32(schemaVersion, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Clearing_keeps_the_row_with_a_null_payload_and_the_next_version()
    {
        var state = new GrainState<StorageContractState>(new() { Name = "to be cleared" });
        await using (var silo = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await silo.GrainStorage.WriteStateAsync(StateName, Seller, state, Ct);
            await silo.GrainStorage.ClearStateAsync(StateName, Seller, state, Ct);
        }

        await using var connection = await SqliteTestSilo.OpenRawAsync(DatabaseFile);
        var (payload, version) = await ReadRowAsync(connection);

        Assert.Null(payload);
        Assert.Equal(2L, version);
        Assert.Equal("2", state.ETag);
    }

    [Fact]
    public async Task Another_service_id_on_the_same_file_sees_none_of_the_state()
    {
        await using (var silo = await RunningSilo.StartAsync(StartSiloAsync))
        {
            await silo.GrainStorage.WriteStateAsync(StateName, Seller, new GrainState<StorageContractState>(new() { Name = "mine" }), Ct);
        }

        await using var other = await RunningSilo.StartAsync(() => SqliteTestSilo.StartAsync(DatabaseFile, serviceId: "other-service"));
        var read = await ReadAsync(other.GrainStorage, Seller);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<(string? Payload, long Version)> ReadRowAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT payload_json, version FROM grain_state
            WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
            """;
        command.Parameters.AddWithValue("$grain_type", Seller.Type.ToString());
        command.Parameters.AddWithValue("$grain_key", Seller.Key.ToString());
        command.Parameters.AddWithValue("$state_name", StateName);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    [Fact]
    public async Task A_second_silo_on_the_same_file_refuses_to_start_while_the_first_runs()
    {
        await using (var first = await RunningSilo.StartAsync(StartSiloAsync))
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(StartSiloAsync);
            Assert.Contains("Another Opside process is using the SQLite database", Flatten(refused), StringComparison.Ordinal);
        }

        await using var afterwards = await RunningSilo.StartAsync(StartSiloAsync);
        Assert.NotNull(afterwards.GrainStorage);
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " " + Flatten(inner) : "");
}

/// <summary>Starts a single-node silo on free ports whose grain state and reminders live in one SQLite file.</summary>
internal static class SqliteTestSilo
{
    /// <summary>A silo configured as production configures it (Storage:Provider=Sqlite) on the folder holding <paramref name="databaseFile"/>.</summary>
    public static async Task<IHost> StartAsync(string databaseFile, string serviceId = "opside-tests")
    {
        if (Path.GetFileName(databaseFile) != "opside.db")
            throw new ArgumentException("The product names its SQLite file opside.db.", nameof(databaseFile));
        var settings = TestSilo.Sqlite(Path.GetDirectoryName(databaseFile)!);
        settings["Orleans:ServiceId"] = serviceId;
        return (await TestSilo.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken)).Host;
    }

    /// <summary>A read-only, unpooled connection to the file, so nothing holds it open after the test.</summary>
    public static async Task<SqliteConnection> OpenRawAsync(string databaseFile)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
