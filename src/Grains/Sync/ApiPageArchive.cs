using System.Security.Cryptography;
using System.Text.Json;
using Opside.DataPlane.Storage;

namespace Opside.Grains.Sync;

/// <summary>Archives each JSON page an API answered, keyed by its content so that a re-fetched identical page is stored once.</summary>
internal static class ApiPageArchive
{
    public static Func<string, byte[], Task> For(SyncContext context, string operation, CancellationToken cancellationToken) =>
        (path, body) =>
        {
            var id = $"{operation}:{Convert.ToHexStringLower(SHA256.HashData(body), 0, 16)}";
            var request = JsonSerializer.Serialize(new { operation, path, context.Connection.Region });
            return context.Store.ArchiveDocumentAsync(context.SellerId,
                new ArchivedDocument(id, operation, context.Now, request, "application/json", ArchiveGzip.Compress(body)), cancellationToken);
        };
}
