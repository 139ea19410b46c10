using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Opside.Storage.Sqlite;

/// <summary>
/// The embedded SQLite file that holds grain state and reminders. Hands out pooled connections with the
/// per-connection pragmas applied, and creates or migrates the schema once, idempotently, before first use.
/// </summary>
public sealed partial class SqliteDatabase : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    // synchronous is a per-connection setting, so it is applied to every connection taken from the pool. NORMAL in
    // WAL mode keeps every commit across a process crash and fsyncs only at checkpoints (a power loss may drop the
    // last commits, never corrupt the file). Waiting on another writer's lock needs no pragma: Microsoft.Data.Sqlite
    // retries SQLITE_BUSY until the command timeout (DefaultTimeout below).
    // cache_size (per connection, in KiB when negative) stays SQLite's 2 MiB default here: pooled connections keep
    // their cache, and a read that scans a large seller's ledger would otherwise leave up to 64 MiB of pages on every
    // pooled connection it passed through (detection reads eight tables side by side). Only a bulk replace raises
    // it, for its own transaction (OpenBulkWriteConnectionAsync).
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000;";

    // A data-plane replace inserts 100,000s of rows in one transaction: once its dirty index pages outgrow the cache,
    // SQLite spills them to the WAL mid-transaction and reads them back, several times slower (docs/benchmarks.md).
    private const string BulkWritePragma = "PRAGMA cache_size = -65536;";

    // Lowering cache_size frees the pages past the new size at once; shrink_memory returns what is left of it.
    private const string AfterBulkWritePragmas = "PRAGMA cache_size = -2000; PRAGMA shrink_memory;";

    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _initializationLock = new();
    private Task? _initialization;
    private FileStream? _ownership;

    public SqliteDatabase(string databaseFilePath, ILogger<SqliteDatabase> logger, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseFilePath);
        ArgumentNullException.ThrowIfNull(logger);

        FilePath = Path.GetFullPath(databaseFilePath);
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version this build creates and expects.</summary>
    public static int LatestSchemaVersion => SqliteSchema.Migrations[^1].Version;

    /// <summary>Creates the folder, switches the file to WAL and applies pending schema migrations. Runs once; later calls await the same work.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        Task initialization;
        lock (_initializationLock)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = InitializeAsync();
            }

            initialization = _initialization;
        }

        return initialization.WaitAsync(cancellationToken);
    }

    /// <summary>Opens a pooled connection to an initialised database. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await OpenAndConfigureAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a pooled connection for one bulk write (a data-plane replace) with a 64 MiB page cache, which it gives
    /// back when disposed, before the connection returns to the pool.
    /// </summary>
    public async Task<BulkWriteConnection> OpenBulkWriteConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = BulkWritePragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new BulkWriteConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection with a bulk write's page cache; disposing it shrinks the cache and returns the connection to the pool.</summary>
    public sealed class BulkWriteConnection(SqliteConnection connection) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = Connection.CreateCommand();
                command.CommandText = AfterBulkWritePragmas;
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // A connection that cannot run a pragma any more is of no use to the pool either; the write's own
                // outcome (or its exception) is what the caller needs to see, not this.
                SqliteConnection.ClearPool(Connection);
            }
            finally
            {
                await Connection.DisposeAsync();
            }
        }
    }

    /// <summary>The current time as the ISO-8601 UTC text stored in timestamp columns.</summary>
    public string UtcNowText() => FormatUtc(_timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Formats a time as fixed-width ISO-8601 UTC text (sorts chronologically). Unspecified kinds are taken as UTC.</summary>
    public static string FormatUtc(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return utc.ToString(UtcFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses text written by <see cref="FormatUtc"/> back into a UTC <see cref="DateTime"/>.</summary>
    public static DateTime ParseUtc(string text) =>
        DateTime.ParseExact(text, UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteDatabase), ServiceLifecycleStage.RuntimeInitialize, EnsureCreatedAsync);

    /// <summary>Closes the idle pooled connections so the file is released when the host shuts down.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _ownership?.Dispose();
    }

    /// <summary>
    /// Holds an exclusive lock on <c>opside.db.lock</c> for the life of the host. Two single-node silos on one
    /// file would each activate the same grain and overwrite each other's state; and since Orleans' listeners
    /// share ports (SO_REUSEPORT), a second <c>dotnet run</c> would otherwise start without a word.
    /// </summary>
    private void TakeOwnership()
    {
        if (_ownership is not null)
            return;
        var lockPath = FilePath + ".lock";
        try
        {
            _ownership = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another Opside process is using the SQLite database '{FilePath}' (it holds '{lockPath}'). " +
                "Stop it, or give this one another Storage:DataDirectory.", ex);
        }
    }

    private async Task<SqliteConnection> OpenAndConfigureAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        TakeOwnership();

        await using var connection = await OpenAndConfigureAsync(CancellationToken.None);

        // journal_mode is stored in the file itself: once WAL, it stays WAL for every later connection.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(await pragma.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite database '{FilePath}' could not be switched to WAL mode (journal_mode is '{mode}').");
            }
        }

        // BEGIN IMMEDIATE: a second process starting on the same file waits here instead of migrating twice.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = SqliteSchema.CreateSchemaVersionTable;
            await create.ExecuteNonQueryAsync();
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = Convert.ToInt64(await read.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        if (current > LatestSchemaVersion)
        {
            throw new InvalidOperationException(
                $"SQLite database '{FilePath}' has schema version {current}, newer than the {LatestSchemaVersion} this build understands.");
        }

        foreach (var migration in SqliteSchema.Migrations.Where(m => m.Version > current))
        {
            await using (var apply = connection.CreateCommand())
            {
                apply.Transaction = transaction;
                apply.CommandText = migration.Sql;
                await apply.ExecuteNonQueryAsync();
            }

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_utc) VALUES ($version, $description, $applied_utc);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.Parameters.AddWithValue("$applied_utc", UtcNowText());
            await record.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        LogReady(FilePath, LatestSchemaVersion, current);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite storage ready at {FilePath} (schema version {SchemaVersion}, was {PreviousVersion})")]
    private partial void LogReady(string filePath, int schemaVersion, long previousVersion);
}
