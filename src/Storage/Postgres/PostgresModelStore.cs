using Npgsql;
using NpgsqlTypes;
using Opside.Scoring.Storage;
using Opside.Storage.Models;

namespace Opside.Storage.Postgres;

/// <summary>The model store in PostgreSQL (migration 0012_scoring_models).</summary>
public sealed class PostgresModelStore(NpgsqlDataSource dataSource) : IModelStore
{
    private const string CurrentVersion = "(SELECT version FROM scoring_model_promotions ORDER BY sequence DESC LIMIT 1)";

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    public async Task<bool> AddAsync(StoredModel model, byte[] package, CancellationToken cancellationToken)
    {
        ModelStoreChecks.RequireModel(model, package);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO scoring_models (version, trained_at, bootstrap, metadata, package) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (version) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = model.Version });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = model.TrainedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = model.Bootstrap });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = model.MetadataJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = package });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT version, trained_at, bootstrap, metadata::text, version IS NOT DISTINCT FROM {CurrentVersion}
            FROM scoring_models ORDER BY trained_at DESC, version DESC
            """);
        return await ReadModelsAsync(command, cancellationToken);
    }

    public async Task<byte[]?> GetPackageAsync(string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var command = _dataSource.CreateCommand("SELECT package FROM scoring_models WHERE version = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT version, trained_at, bootstrap, metadata::text, true FROM scoring_models WHERE version = {CurrentVersion}");
        return (await ReadModelsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> PromoteAsync(string version, string by, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ModelStoreChecks.RequirePromotion(version, by, kind);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO scoring_model_promotions (version, promoted_at, promoted_by, kind)
            SELECT version, $2, $3, $4 FROM scoring_models WHERE version = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = by });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ModelPromotion>> PromotionsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = _dataSource.CreateCommand(
            "SELECT sequence, version, promoted_at, promoted_by, kind FROM scoring_model_promotions ORDER BY sequence DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            promotions.Add(new ModelPromotion(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4)));
        return promotions;
    }

    private static async Task<IReadOnlyList<StoredModel>> ReadModelsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var models = new List<StoredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            models.Add(new StoredModel(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2), reader.GetString(3), reader.GetBoolean(4)));
        return models;
    }
}
