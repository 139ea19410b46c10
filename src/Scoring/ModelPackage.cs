using System.IO.Compression;
using System.Text.Json;

namespace Opside.Scoring;

/// <summary>
/// A trained model as it is stored and shipped: one zip holding the approval model (featurisation, trees, feature
/// contributions, the holdout calibrator), the paid-share model and the metadata, so a file or a database row carries
/// everything needed to serve it.
/// </summary>
public sealed record ModelPackage(ModelMetadata Metadata, byte[] ApprovalModel, byte[] FractionModel)
{
    /// <summary>A package from untrusted bytes is refused above this size (a model here is tens of kilobytes).</summary>
    public const long MaxEntryBytes = 64L << 20;

    private const string ApprovalEntry = "approval.zip";
    private const string FractionEntry = "fraction.zip";
    private const string MetadataEntry = "metadata.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] ToZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, ApprovalEntry, ApprovalModel);
            Write(zip, FractionEntry, FractionModel);
            Write(zip, MetadataEntry, JsonSerializer.SerializeToUtf8Bytes(Metadata, Json));
        }

        return buffer.ToArray();
    }

    public static ModelPackage FromZip(byte[] zipBytes)
    {
        ArgumentNullException.ThrowIfNull(zipBytes);
        using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
        var metadata = JsonSerializer.Deserialize<ModelMetadata>(Read(zip, MetadataEntry), Json)
            ?? throw new InvalidDataException("The model package's metadata is empty.");
        return new ModelPackage(metadata, Read(zip, ApprovalEntry), Read(zip, FractionEntry));
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    /// <summary>Read with the inflated size capped: the declared length is not trusted.</summary>
    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The model package has no {name}.");
        using var stream = entry.Open();
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (content.Length + read > MaxEntryBytes)
                throw new InvalidDataException($"The model package's {name} inflates past {MaxEntryBytes} bytes.");
            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }
}
