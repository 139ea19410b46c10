using Microsoft.Data.Sqlite;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Sqlite;

/// <summary>Staged uploads (schema version 5).</summary>
public sealed partial class SqliteDataPlaneStore
{
    public async Task StageUploadChunkAsync(string sellerId, string uploadId, int sequence, byte[] content, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireUploadChunk(sellerId, uploadId, sequence, content);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO upload_chunks (seller_id, upload_id, sequence, content) VALUES ($seller_id, $upload_id, $sequence, $content)
            ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$upload_id", uploadId);
        command.Parameters.AddWithValue("$sequence", sequence);
        command.Parameters.Add("$content", SqliteType.Blob).Value = content;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadUploadChunkAsync(string sellerId, string uploadId, int sequence, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM upload_chunks WHERE seller_id = $seller_id AND upload_id = $upload_id AND sequence = $sequence;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$upload_id", uploadId);
        command.Parameters.AddWithValue("$sequence", sequence);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteUploadChunksAsync(string sellerId, string uploadId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM upload_chunks WHERE seller_id = $seller_id AND upload_id = $upload_id;";
        command.Parameters.AddWithValue("$seller_id", sellerId);
        command.Parameters.AddWithValue("$upload_id", uploadId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
