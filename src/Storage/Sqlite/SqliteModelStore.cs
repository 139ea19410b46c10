using Microsoft.Data.Sqlite;
using Opside.Scoring.Storage;
using Opside.Storage.DataPlane;
using Opside.Storage.Models;

namespace Opside.Storage.Sqlite;

/// <summary>The model store in the embedded SQLite file (schema 9).</summary>
public sealed class SqliteModelStore(SqliteDatabase database) : IModelStore
{
    private const string CurrentVersion = "(SELECT version FROM scoring_model_promotions ORDER BY sequence DESC LIMIT 1)";

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task<bool> AddAsync(StoredModel model, byte[] package, CancellationToken cancellationToken)
    {
        ModelStoreChecks.RequireModel(model, package);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO scoring_models (version, trained_at, bootstrap, metadata, package)
            VALUES ($version, $trained_at, $bootstrap, $metadata, $package)
            ON CONFLICT (version) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$version", model.Version);
        command.Parameters.AddWithValue("$trained_at", DataPlaneTime.ToUnixMicroseconds(model.TrainedAt));
        command.Parameters.AddWithValue("$bootstrap", model.Bootstrap ? 1 : 0);
        command.Parameters.AddWithValue("$metadata", model.MetadataJson);
        command.Parameters.AddWithValue("$package", package);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT version, trained_at, bootstrap, metadata, version IS {CurrentVersion}
            FROM scoring_models ORDER BY trained_at DESC, version DESC;
            """;
        return await ReadModelsAsync(command, cancellationToken);
    }

    public async Task<byte[]?> GetPackageAsync(string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT package FROM scoring_models WHERE version = $version;";
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, trained_at, bootstrap, metadata, 1 FROM scoring_models WHERE version = {CurrentVersion};";
        return (await ReadModelsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> PromoteAsync(string version, string by, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ModelStoreChecks.RequirePromotion(version, by, kind);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO scoring_model_promotions (version, promoted_at, promoted_by, kind)
            SELECT version, $at, $by, $kind FROM scoring_models WHERE version = $version;
            """;
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$at", DataPlaneTime.ToUnixMicroseconds(at));
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$kind", kind);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ModelPromotion>> PromotionsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, version, promoted_at, promoted_by, kind FROM scoring_model_promotions ORDER BY sequence DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            promotions.Add(new ModelPromotion(reader.GetInt64(0), reader.GetString(1), DataPlaneTime.FromUnixMicroseconds(reader.GetInt64(2), 0), reader.GetString(3), reader.GetString(4)));
        return promotions;
    }

    private static async Task<IReadOnlyList<StoredModel>> ReadModelsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var models = new List<StoredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add(new StoredModel(reader.GetString(0), DataPlaneTime.FromUnixMicroseconds(reader.GetInt64(1), 0), reader.GetInt64(2) == 1,
                reader.GetString(3), reader.GetInt64(4) == 1));
        }

        return models;
    }
}
