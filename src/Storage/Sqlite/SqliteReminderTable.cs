using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Opside.Storage.Sqlite;

/// <summary>
/// The Orleans reminder table in the <c>reminders</c> table of the SQLite file, scoped by service id, with the ADO.NET
/// provider's semantics: the ETag is an integer version (0 on insert, +1 per upsert) and ring-range reads use the
/// grain id's uniform hash, stored as an unsigned 32-bit value.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_utc, period_ms, version";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    public Task StartAsync(CancellationToken cancellationToken = default) => database.EnsureCreatedAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id;";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Rows whose grain hash is in the ring range (begin, end]; when begin &gt;= end the range wraps past <see cref="uint.MaxValue"/>.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = begin < end
            ? $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_hash > $begin AND grain_hash <= $end;"
            : $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND (grain_hash > $begin OR grain_hash <= $end);";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name;";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        command.Parameters.AddWithValue("$reminder_name", reminderName);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO reminders (service_id, grain_id, reminder_name, start_at_utc, period_ms, grain_hash, version)
            VALUES ($service_id, $grain_id, $reminder_name, $start_at_utc, $period_ms, $grain_hash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_at_utc = excluded.start_at_utc,
                period_ms = excluded.period_ms,
                grain_hash = excluded.grain_hash,
                version = reminders.version + 1
            RETURNING version;
            """;
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_id", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$reminder_name", entry.ReminderName);
        command.Parameters.AddWithValue("$start_at_utc", SqliteDatabase.FormatUtc(entry.StartAt));
        command.Parameters.AddWithValue("$period_ms", entry.Period.Ticks / TimeSpan.TicksPerMillisecond);
        command.Parameters.AddWithValue("$grain_hash", (long)entry.GrainId.GetUniformHashCode());
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <returns><see langword="false"/> when the row is missing or <paramref name="eTag"/> is not its current version.</returns>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM reminders
            WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name AND version = $version;
            """;
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        command.Parameters.AddWithValue("$reminder_name", reminderName);
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = $service_id;";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = SqliteDatabase.ParseUtc(reader.GetString(2)),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return entries;
    }
}
