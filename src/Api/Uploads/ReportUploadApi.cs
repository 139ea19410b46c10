using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Opside.Api.Sellers;
using Opside.DataPlane.Reports;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;
using Opside.Grains.Sellers;

namespace Opside.Api.Uploads;

/// <summary>
/// Reports a seller exported from Seller Central, uploaded as the file is. The whole file is read and checked before
/// anything is written: a fatal problem (unknown report, missing column, unreadable gzip or charset, too large)
/// changes nothing. Rows that cannot be read are counted and listed with their line numbers; the others replace the
/// seller's rows of that report over the dates the file covers, so uploading the same file twice changes nothing.
/// </summary>
public static class ReportUploadApi
{
    public static RouteGroupBuilder MapReportUploadApi(this RouteGroupBuilder seller)
    {
        seller.MapPost("/reports/{reportType}", UploadAsync).WithTags("Uploads")
            .WithSummary("Uploads a report as Seller Central exports it (TSV, or gzip with Content-Encoding: gzip).")
            // Any Content-Type: Seller Central's files arrive as text/plain, text/tab-separated-values or octet-stream,
            // and only the charset in it matters.
            .DisableAntiforgery();
        return seller;
    }

    private static async Task<Results<Accepted<UploadResult>, ProblemHttpResult>> UploadAsync(
        string sellerId, string reportType, HttpRequest request, IGrainFactory grains, IOptions<UploadOptions> options,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISellerGrain>(sellerId).GetProfileAsync() is null)
            return SellersApi.NotFound();
        if (AmazonReports.For(reportType) is not { } parser)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Opside does not read this report type.",
                detail: $"'{reportType}' is not one of: {string.Join(", ", AmazonReports.ReportTypes.Order(StringComparer.Ordinal))}.");
        if (services.GetService<IDataPlaneStore>() is not { } store)
            return Uploads.NotAvailable();

        var limits = options.Value;
        if (request.ContentLength > limits.MaxBytes)
            return Uploads.TooLarge(limits.MaxBytes);
        // Kestrel's own limit (30 MB by default) would cut a large export short: this route's limit is ours.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxBytes + 1;
        var gzip = request.Headers.ContentEncoding.Any(e => e?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        var body = new SizeLimitedStream(request.Body, limits.MaxBytes);
        try
        {
            var (rows, rejected) = parser switch
            {
                ReportParser<LedgerEvent> ledger => await WriteAsync(ledger, body, request.ContentType, gzip, r => Day(r.Date), r => Day(r.Date).AddDays(1),
                    (first, end, list, ct) => store.ReplaceLedgerAsync(sellerId, DateOnly.FromDateTime(first.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime).AddDays(-1), list, ct), cancellationToken),
                ReportParser<ReimbursementRow> reimbursements => await WriteAsync(reimbursements, body, request.ContentType, gzip, r => r.ApprovalDate, r => r.ApprovalDate.AddTicks(1),
                    (start, end, list, ct) => store.ReplaceReimbursementsAsync(sellerId, start, end, list, ct), cancellationToken),
                ReportParser<CustomerReturnRow> returns => await WriteAsync(returns, body, request.ContentType, gzip, r => r.ReturnDate, r => r.ReturnDate.AddTicks(1),
                    (start, end, list, ct) => store.ReplaceCustomerReturnsAsync(sellerId, start, end, list, ct), cancellationToken),
                ReportParser<RemovalOrderRow> removals => await WriteAsync(removals, body, request.ContentType, gzip, r => r.RequestDate, r => r.RequestDate.AddTicks(1),
                    (start, end, list, ct) => store.ReplaceRemovalOrdersAsync(sellerId, start, end, list, ct), cancellationToken),
                _ => throw new InvalidOperationException($"No upload path for {parser.ReportType}."),
            };
            // Detection before answering: once the upload is accepted, the claims reflect it.
            if (rows > 0)
                await grains.GetGrain<ISellerClaimsGrain>(sellerId).DetectAsync();
            return TypedResults.Accepted((string?)null, Uploads.Result(rows, rejected, limits));
        }
        catch (ReportFormatException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be read as this report.", detail: e.Message);
        }
        catch (UploadTooLargeException e)
        {
            return Uploads.TooLarge(e.Limit);
        }
    }

    /// <summary>Parses the whole file, then replaces the seller's rows over the span the file's rows cover.</summary>
    private static async Task<(int Rows, IReadOnlyList<RejectedRow> Rejected)> WriteAsync<T>(
        ReportParser<T> parser, Stream body, string? contentType, bool gzip,
        Func<T, DateTimeOffset> rangeStartOf, Func<T, DateTimeOffset> rangeEndOf,
        Func<DateTimeOffset, DateTimeOffset, IReadOnlyList<T>, CancellationToken, Task<int>> replace,
        CancellationToken cancellationToken)
    {
        var parse = await parser.ParseAsync(body, contentType, gzip, cancellationToken);
        if (parse.Rows.Count == 0)
            return (0, parse.Rejected);
        var start = parse.Rows.Min(rangeStartOf);
        var end = parse.Rows.Max(rangeEndOf);
        await replace(start, end, parse.Rows, cancellationToken);
        return (parse.Rows.Count, parse.Rejected);
    }

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public sealed record UploadResult(int Rows, int RejectedRows, IReadOnlyList<UploadError> Errors);

public sealed record UploadError(int Line, string Reason);
