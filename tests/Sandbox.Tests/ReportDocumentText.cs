using System.IO.Compression;
using System.Text;

namespace Opside.Sandbox.Tests;

/// <summary>Decodes a served document the way a client must: gunzip when GZIP, then the declared charset, else ISO-8859-1.</summary>
internal static class ReportDocumentText
{
    public static string Decode(byte[] content, bool gzip, string? contentType)
    {
        if (gzip)
        {
            using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            content = output.ToArray();
        }

        var charset = contentType?.Split("charset=", 2) is [_, var name] ? name.Trim() : null;
        var encoding = charset is null || !charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : new UTF8Encoding(false, true);
        return encoding.GetString(content);
    }
}
