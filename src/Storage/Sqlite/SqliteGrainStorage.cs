using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Configuration.Overrides;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Opside.Storage.Sqlite;

/// <summary>
/// Grain state in the <c>grain_state</c> table of the SQLite file: one row per (service id, grain type, grain key,
/// state name) — the identity PostgreSQL rows get through <c>GrainTypeScopedStorage</c> — the payload as JSON text
/// from the registered <see cref="IGrainStorageSerializer"/>, and an integer version as the ETag with the ADO.NET
/// provider's concurrency semantics.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger _logger;

    public SqliteGrainStorage(
        string name,
        SqliteDatabase database,
        IGrainStorageSerializer serializer,
        IActivatorProvider activatorProvider,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _serviceId = clusterOptions.Value.ServiceId;
        _database = database;
        _serializer = serializer;
        _activatorProvider = activatorProvider;
        _logger = logger;
    }

    /// <summary>Creates the provider named <paramref name="name"/>, preferring a serializer keyed by that name, as Orleans' own providers do.</summary>
    public static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SqliteGrainStorage(
            name,
            services.GetRequiredService<SqliteDatabase>(),
            services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetProviderClusterOptions(name),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT payload_json, version FROM grain_state
                WHERE service_id = $service_id AND grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
                """;
            AddKey(command, stateName, grainId);

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                grainState.State = CreateInstance<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
                return;
            }

            var payload = reader.IsDBNull(0) ? null : reader.GetString(0);
            var version = reader.GetInt64(1);
            grainState.State = payload is null
                ? CreateInstance<T>()
                : _serializer.Deserialize<T>(BinaryData.FromString(payload)) ?? CreateInstance<T>();
            grainState.ETag = FormatVersion(version);
            grainState.RecordExists = payload is not null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogOperationFailed(exception, "ReadState", _name, stateName, grainId, grainState.ETag);
            throw;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        const string Operation = "WriteState";
        long? newVersion;
        try
        {
            var expectedVersion = ParseETag(Operation, stateName, grainId, grainState.ETag);
            var payload = SerializeToJson(grainState.State);

            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            if (expectedVersion is null)
            {
                // A new record: fails (no row returned) if any row exists, even a cleared one, as in ADO.NET.
                command.CommandText = """
                    INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload_json, version, modified_utc)
                    VALUES ($service_id, $grain_type, $grain_key, $state_name, $payload_json, 1, $modified_utc)
                    ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING
                    RETURNING version;
                    """;
            }
            else
            {
                command.CommandText = """
                    UPDATE grain_state SET payload_json = $payload_json, version = version + 1, modified_utc = $modified_utc
                    WHERE service_id = $service_id AND grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name
                      AND version = $expected_version
                    RETURNING version;
                    """;
                command.Parameters.AddWithValue("$expected_version", expectedVersion.Value);
            }

            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$payload_json", payload);
            command.Parameters.AddWithValue("$modified_utc", _database.UtcNowText());
            newVersion = await ExecuteVersionAsync(command, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or InconsistentStateException))
        {
            LogOperationFailed(exception, Operation, _name, stateName, grainId, grainState.ETag);
            throw;
        }

        if (newVersion is null)
        {
            throw await VersionConflictAsync(Operation, stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.ETag = FormatVersion(newVersion.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        const string Operation = "ClearState";

        // As ADO.NET: a state never read or written is looked up first, and clearing nothing is a no-op.
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        long? newVersion;
        try
        {
            var expectedVersion = ParseETag(Operation, stateName, grainId, grainState.ETag);

            // Clear follows ADO.NET's default (DeleteStateOnClear=false): the row stays with a NULL payload and a bumped version, which becomes the ETag.
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE grain_state SET payload_json = NULL, version = version + 1, modified_utc = $modified_utc
                WHERE service_id = $service_id AND grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name
                  AND version = $expected_version
                RETURNING version;
                """;
            AddKey(command, stateName, grainId);
            command.Parameters.AddWithValue("$expected_version", (object?)expectedVersion ?? DBNull.Value);
            command.Parameters.AddWithValue("$modified_utc", _database.UtcNowText());
            newVersion = await ExecuteVersionAsync(command, cancellationToken);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or InconsistentStateException))
        {
            LogOperationFailed(exception, Operation, _name, stateName, grainId, grainState.ETag);
            throw;
        }

        if (newVersion is null)
        {
            throw await VersionConflictAsync(Operation, stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = FormatVersion(newVersion.Value);
        grainState.RecordExists = false;
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$grain_key", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state_name", stateName);
    }

    private static async Task<long?> ExecuteVersionAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private long? ParseETag(string operation, string stateName, GrainId grainId, string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }

        if (long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new InconsistentStateException(
            $"Version conflict ({operation}): ETag '{etag}' was not issued by this provider. ServiceId={_serviceId} ProviderName={_name} StateName={stateName} GrainId={grainId}.",
            storedEtag: null,
            currentEtag: etag);
    }

    private async Task<InconsistentStateException> VersionConflictAsync(
        string operation, string stateName, GrainId grainId, string? currentETag, CancellationToken cancellationToken)
    {
        // Only for the message: the write itself already failed atomically.
        string? storedETag = null;
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT version FROM grain_state
                WHERE service_id = $service_id AND grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name;
                """;
            AddKey(command, stateName, grainId);
            var stored = await ExecuteVersionAsync(command, cancellationToken);
            storedETag = stored is null ? null : FormatVersion(stored.Value);
        }

        return new InconsistentStateException(
            $"Version conflict ({operation}): ServiceId={_serviceId} ProviderName={_name} StateName={stateName} GrainId={grainId} ETag={currentETag ?? "<none>"} StoredETag={storedETag ?? "<none>"}.",
            storedETag,
            currentETag);
    }

    private string SerializeToJson<T>(T? state)
    {
        var data = _serializer.Serialize(state);

        // The column is TEXT: a serializer producing non-UTF-8 bytes must fail here rather than corrupt the row.
        return StrictUtf8.GetString(data.ToMemory().Span);
    }

    private T CreateInstance<T>() => _activatorProvider.GetActivator<T>().Create();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Operation} failed: ProviderName={ProviderName} StateName={StateName} GrainId={GrainId} ETag={ETag}")]
    private partial void LogOperationFailed(Exception exception, string operation, string providerName, string stateName, GrainId grainId, string? etag);
}
