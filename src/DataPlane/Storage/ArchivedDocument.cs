namespace Opside.DataPlane.Storage;

/// <summary>
/// A raw Amazon document as fetched, gzip-compressed, with the request that produced it.
/// </summary>
/// <param name="Source">The report type (e.g. GET_LEDGER_DETAIL_VIEW_DATA) or API operation (e.g. listFinancialEvents).</param>
/// <param name="Request">What was asked for, as JSON: report id, range, marketplaces, page token.</param>
/// <param name="GzipContent">The document's bytes as received (decompressed by nobody), then gzip-compressed.</param>
public sealed record ArchivedDocument(
    string Id,
    string Source,
    DateTimeOffset FetchedAt,
    string Request,
    string? ContentType,
    byte[] GzipContent);

/// <summary>An archived document without its content.</summary>
public sealed record ArchivedDocumentInfo(string Id, string Source, DateTimeOffset FetchedAt, string Request, string? ContentType, long CompressedBytes);
