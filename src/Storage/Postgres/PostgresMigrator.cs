using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Opside.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects by applying the embedded
/// <c>Storage/Migrations/Postgres/NNNN_name.sql</c> scripts that it has not applied yet.
/// </summary>
/// <remarks>
/// Applied migrations are recorded in <c>opside_schema_version</c> with the SHA-256 of their script.
/// A migration is never re-applied, and an applied migration whose script has since changed stops the
/// process: applied scripts are immutable, a change goes into a new script.
/// </remarks>
public sealed class PostgresMigrator(string connectionString, ILogger<PostgresMigrator> logger)
{
    /// <summary>
    /// Key of the session-level advisory lock held while migrating: the ASCII bytes of "opsidemg"
    /// (0x6F70736964656D67). Every Opside process uses this key, so silos that start together against
    /// the same database migrate one after another instead of racing on the same DDL. Advisory locks are
    /// scoped to a database, so migrators of different databases never wait for each other.
    /// </summary>
    public const long AdvisoryLockKey = 0x6F70736964656D67;

    /// <summary>The table that records applied migrations.</summary>
    public const string VersionTable = "opside_schema_version";

    private const string ResourcePrefix = "Opside.Migrations.Postgres.";

    private static readonly Lazy<IReadOnlyList<EmbeddedMigration>> EmbeddedScripts = new(() => LoadEmbedded());

    /// <summary>The migration scripts compiled into this build, in the order they apply.</summary>
    public static IReadOnlyList<EmbeddedMigration> Embedded => EmbeddedScripts.Value;

    /// <summary>Applies every pending migration and returns the names of those applied by this call.</summary>
    /// <exception cref="InvalidOperationException">
    /// An applied migration's script differs from the embedded one, or a migration failed (it was rolled back).
    /// </exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var migrations = Embedded;

        // An unpooled connection: the advisory lock belongs to the session, and only closing the session
        // for real guarantees the lock is gone even when the unlock below never runs.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        RequireSupportedServer(connection);
        try
        {
            await AcquireLockAsync(connection, cancellationToken);
            await EnsureVersionTableAsync(connection, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            Verify(migrations, applied);

            var appliedNow = new List<string>();
            foreach (var migration in migrations)
            {
                if (applied.ContainsKey(migration.Version))
                    continue;
                await ApplyAsync(connection, migration, cancellationToken);
                appliedNow.Add(migration.Name);
            }

            if (appliedNow.Count == 0)
                logger.LogDebug("PostgreSQL schema is up to date ({MigrationCount} migrations applied)", applied.Count);
            return appliedNow;
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    /// <summary>The grain-state table relies on UNIQUE NULLS NOT DISTINCT, new in PostgreSQL 15.</summary>
    private static void RequireSupportedServer(NpgsqlConnection connection)
    {
        if (connection.PostgreSqlVersion.Major < 15)
            throw new InvalidOperationException(
                $"PostgreSQL {connection.PostgreSqlVersion} is not supported: Opside's migrations need PostgreSQL 15 or newer.");
    }

    private async Task AcquireLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            tryLock.Parameters.AddWithValue("key", AdvisoryLockKey);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
                return;
        }

        logger.LogInformation("Another process is migrating the database; waiting for advisory lock {AdvisoryLockKey}", AdvisoryLockKey);
        // No command timeout: the holder may be running a long migration. Cancellation still interrupts the wait.
        await using var waitLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        waitLock.Parameters.AddWithValue("key", AdvisoryLockKey);
        await waitLock.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            // The connection is unpooled, so closing it ends the session and the server drops the lock;
            // a failed unlock must not hide the error that brought us here.
            logger.LogWarning(ex, "Could not release migration advisory lock {AdvisoryLockKey}", AdvisoryLockKey);
        }
    }

    private static async Task EnsureVersionTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            CREATE TABLE IF NOT EXISTS {VersionTable}
            (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {VersionTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return applied;
    }

    private void Verify(IReadOnlyList<EmbeddedMigration> migrations, Dictionary<int, (string Name, string Checksum)> applied)
    {
        var embedded = migrations.ToDictionary(m => m.Version);
        foreach (var (version, (name, checksum)) in applied.OrderBy(a => a.Key))
        {
            if (!embedded.TryGetValue(version, out var migration))
            {
                // A newer build migrated this database; an older build keeps running on it during a
                // rolling deployment or a roll-back, which is why this is not fatal.
                logger.LogWarning("Database has migration {MigrationName} (version {MigrationVersion}) that this build does not know", name, version);
                continue;
            }

            if (!string.Equals(migration.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL migration {migration.Name} (version {version}) was applied with checksum {checksum}, " +
                    $"but the script in this build has checksum {migration.Checksum}. Applied migrations must not be edited: " +
                    "restore the original script and put the change in a new migration.");
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, EmbeddedMigration migration, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = 0 })
                await script.ExecuteNonQueryAsync(cancellationToken);

            await using (var record = new NpgsqlCommand(
                $"INSERT INTO {VersionTable} (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, now())",
                connection,
                transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL migration {migration.Name} (version {migration.Version}) failed and was rolled back: {ex.MessageText}", ex);
        }

        logger.LogInformation(
            "Applied PostgreSQL migration {MigrationName} (version {MigrationVersion}, checksum {MigrationChecksum}) in {ElapsedMilliseconds} ms",
            migration.Name,
            migration.Version,
            migration.Checksum,
            stopwatch.ElapsedMilliseconds);
    }

    private static ReadOnlyCollection<EmbeddedMigration> LoadEmbedded()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(resource => Load(assembly, resource))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two PostgreSQL migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        return migrations.AsReadOnly();
    }

    private static EmbeddedMigration Load(Assembly assembly, string resource)
    {
        var fileName = resource[ResourcePrefix.Length..];
        var name = fileName[..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
            throw new InvalidOperationException($"Migration script {fileName} must be named NNNN_description.sql with a positive version number");

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} could not be read");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new EmbeddedMigration(version, name, sql, checksum);
    }
}
