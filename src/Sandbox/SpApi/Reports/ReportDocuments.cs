using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi.Reports;

/// <summary>Generated report documents, served at pre-signed URLs that expire like Amazon's S3 links.</summary>
public sealed class ReportDocuments(IOptions<SandboxOptions> options, TimeProvider time)
{
    public const string DownloadPath = "/sandbox/documents";

    private readonly ConcurrentDictionary<string, (string Partner, RenderedDocument Document)> _documents = new();
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public string Add(string sellingPartnerId, RenderedDocument document)
    {
        var id = "amzn1.spdoc.1.4.na." + Guid.NewGuid();
        _documents[id] = (sellingPartnerId, document);
        return id;
    }

    public RenderedDocument? Find(string sellingPartnerId, string documentId) =>
        _documents.TryGetValue(documentId, out var entry) && entry.Partner == sellingPartnerId ? entry.Document : null;

    public string SignedUrl(HttpRequest request, string documentId)
    {
        var date = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var expires = ((int)options.Value.DocumentUrlLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var origin = string.IsNullOrEmpty(options.Value.DocumentUrlBase) ? $"{request.Scheme}://{request.Host}" : options.Value.DocumentUrlBase.TrimEnd('/');
        return $"{origin}{DownloadPath}/{Uri.EscapeDataString(documentId)}?X-Amz-Date={date}&X-Amz-Expires={expires}&X-Amz-Signature={Sign(documentId, date, expires)}";
    }

    /// <summary>The download: 403 with S3's XML error when the URL is forged or expired.</summary>
    public IResult Download(string documentId, string? date, string? expires, string? signature)
    {
        if (date is null || expires is null || signature is null || !_documents.TryGetValue(documentId, out var entry)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(documentId, date, expires))))
            return S3Error("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        var signedAt = DateTimeOffset.ParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (time.GetUtcNow() > signedAt.AddSeconds(int.Parse(expires, CultureInfo.InvariantCulture)))
            return S3Error("AccessDenied", "Request has expired");
        return Results.Bytes(entry.Document.Content, entry.Document.ContentType);
    }

    private string Sign(string documentId, string date, string expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes($"{documentId}\n{date}\n{expires}")));

    private static IResult S3Error(string code, string message) => Results.Text(
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>{Guid.NewGuid():N}</RequestId></Error>",
        "application/xml",
        Encoding.UTF8,
        403);
}
