using Npgsql;
using NpgsqlTypes;
using Opside.Storage.DataPlane;

namespace Opside.Storage.Postgres;

/// <summary>Staged uploads (migration 0008_upload_chunks).</summary>
public sealed partial class PostgresDataPlaneStore
{
    public async Task StageUploadChunkAsync(string sellerId, string uploadId, int sequence, byte[] content, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireUploadChunk(sellerId, uploadId, sequence, content);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO upload_chunks (seller_id, upload_id, sequence, content) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = uploadId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sequence });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = content, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadUploadChunkAsync(string sellerId, string uploadId, int sequence, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var command = _dataSource.CreateCommand("SELECT content FROM upload_chunks WHERE seller_id = $1 AND upload_id = $2 AND sequence = $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = uploadId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = sequence });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteUploadChunksAsync(string sellerId, string uploadId, CancellationToken cancellationToken)
    {
        DataPlaneRanges.RequireSeller(sellerId);
        await using var command = _dataSource.CreateCommand("DELETE FROM upload_chunks WHERE seller_id = $1 AND upload_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sellerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = uploadId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
