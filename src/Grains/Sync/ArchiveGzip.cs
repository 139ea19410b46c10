using System.IO.Compression;

namespace Opside.Grains.Sync;

/// <summary>Compresses what Amazon sent for the archive (documents Amazon already gzipped are kept as they came).</summary>
internal static class ArchiveGzip
{
    public static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }
}
