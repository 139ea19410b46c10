using System.Globalization;
using System.Text.Json;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox.SpApi.Reports;

/// <summary>Reports API 2021-06-30: createReport, getReport, getReports, getReportDocument, and the document download.</summary>
public static class ReportsEndpoints
{
    private const string Root = "/reports/2021-06-30";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Root + "/reports", CreateAsync).WithMetadata(SpApiOperation.CreateReport);
        endpoints.MapGet(Root + "/reports/{reportId}", Get).WithMetadata(SpApiOperation.GetReport);
        endpoints.MapGet(Root + "/reports", List).WithMetadata(SpApiOperation.GetReports);
        endpoints.MapGet(Root + "/documents/{reportDocumentId}", Document).WithMetadata(SpApiOperation.GetReportDocument);
        endpoints.MapGet(ReportDocuments.DownloadPath + "/{documentId}", (
            string documentId,
            [Microsoft.AspNetCore.Mvc.FromQuery(Name = "X-Amz-Date")] string? date,
            [Microsoft.AspNetCore.Mvc.FromQuery(Name = "X-Amz-Expires")] string? expires,
            [Microsoft.AspNetCore.Mvc.FromQuery(Name = "X-Amz-Signature")] string? signature,
            ReportDocuments documents) => documents.Download(documentId, date, expires, signature));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ReportProcessing queue)
    {
        CreateReportSpecification? spec;
        try
        {
            spec = await context.Request.ReadFromJsonAsync<CreateReportSpecification>();
        }
        catch (JsonException)
        {
            return SpApiErrors.InvalidInput("The request body is not a valid CreateReportSpecification.");
        }

        if (spec?.ReportType is not { Length: > 0 } type || !ReportRenderer.ReportTypes.Contains(type))
            return SpApiErrors.InvalidInput($"Invalid reportType {spec?.ReportType}. The sandbox serves {string.Join(", ", ReportRenderer.ReportTypes)}.");
        if (spec.MarketplaceIds is not { Count: > 0 and <= 25 })
            return SpApiErrors.InvalidInput("marketplaceIds must hold 1 to 25 marketplace ids.");
        if (spec.DataStartTime is { } s && spec.DataEndTime is { } e && e < s)
            return SpApiErrors.InvalidInput("dataEndTime must not be before dataStartTime.");
        var report = queue.Create(SpApiGate.PartnerOf(context), type, spec.MarketplaceIds, spec.DataStartTime, spec.DataEndTime);
        return Results.Json(new { reportId = report.ReportId }, statusCode: 202);
    }

    private static IResult Get(string reportId, HttpContext context, ReportProcessing queue)
    {
        var report = queue.Find(SpApiGate.PartnerOf(context), reportId);
        return report is null ? SpApiErrors.Error(404, "NotFound", $"Report {reportId} was not found.") : Results.Json(Describe(report, queue));
    }

    private static IResult List(HttpContext context, ReportProcessing queue, TimeProvider time)
    {
        var query = context.Request.Query;
        ReportsPage? page;
        if (query.TryGetValue("nextToken", out var token))
        {
            if (query.Count > 1)
                return SpApiErrors.InvalidInput("nextToken must be the only parameter when it is given.");
            page = PageToken.Decode<ReportsPage>(token.ToString());
            if (page is null || page.Partner != SpApiGate.PartnerOf(context))
                return SpApiErrors.InvalidInput("Invalid nextToken.");
        }
        else
        {
            var types = Split(query["reportTypes"]);
            if (types.Length == 0)
                return SpApiErrors.InvalidInput("reportTypes or nextToken is required.");
            var pageSize = 10;
            if (query.ContainsKey("pageSize") && (!int.TryParse(query["pageSize"], CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
                return SpApiErrors.InvalidInput("pageSize must be between 1 and 100.");
            var now = time.GetUtcNow();
            if (!TryDate(query["createdSince"], now.AddDays(-90), out var since) || !TryDate(query["createdUntil"], now, out var until))
                return SpApiErrors.InvalidInput("createdSince and createdUntil must be ISO 8601 date-times.");
            page = new ReportsPage(SpApiGate.PartnerOf(context), types, Split(query["processingStatuses"]), since, until, pageSize, 0);
        }

        var matching = queue.Of(page.Partner)
            .Where(r => page.ReportTypes.Contains(r.ReportType) && r.CreatedTime >= page.CreatedSince && r.CreatedTime <= page.CreatedUntil)
            .Where(r => page.ProcessingStatuses.Length == 0 || page.ProcessingStatuses.Contains(queue.StatusOf(r)))
            .OrderByDescending(r => r.CreatedTime).ThenByDescending(r => r.ReportId, StringComparer.Ordinal)
            .ToList();
        var reports = matching.Skip(page.Offset).Take(page.PageSize).Select(r => Describe(r, queue)).ToList();
        var next = page.Offset + page.PageSize < matching.Count ? PageToken.Encode(page with { Offset = page.Offset + page.PageSize }) : null;
        return next is null ? Results.Json(new { reports }) : Results.Json(new { reports, nextToken = next });
    }

    private static IResult Document(string reportDocumentId, HttpContext context, ReportDocuments documents)
    {
        var document = documents.Find(SpApiGate.PartnerOf(context), reportDocumentId);
        if (document is null)
            return SpApiErrors.Error(404, "NotFound", $"Report document {reportDocumentId} was not found.");
        var url = documents.SignedUrl(context.Request, reportDocumentId);
        return document.Gzip
            ? Results.Json(new { reportDocumentId, url, compressionAlgorithm = "GZIP" })
            : Results.Json(new { reportDocumentId, url });
    }

    private static Dictionary<string, object> Describe(Report report, ReportProcessing queue)
    {
        var status = queue.StatusOf(report);
        var body = new Dictionary<string, object>
        {
            ["reportId"] = report.ReportId,
            ["reportType"] = report.ReportType,
            ["dataStartTime"] = ReportRenderer.Iso(report.DataStartTime),
            ["dataEndTime"] = ReportRenderer.Iso(report.DataEndTime),
            ["marketplaceIds"] = report.MarketplaceIds,
            ["processingStatus"] = status,
            ["createdTime"] = ReportRenderer.Iso(report.CreatedTime),
        };
        if (status != "IN_QUEUE")
            body["processingStartTime"] = ReportRenderer.Iso(queue.ProcessingStartTime(report));
        if (status is not ("IN_QUEUE" or "IN_PROGRESS"))
            body["processingEndTime"] = ReportRenderer.Iso(queue.ProcessingEndTime(report));
        if (report.ReportDocumentId is { } documentId)
            body["reportDocumentId"] = documentId;
        return body;
    }

    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues value, DateTimeOffset fallback, out DateTimeOffset date)
    {
        date = fallback;
        return value.Count == 0 || DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    private static string[] Split(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private sealed record CreateReportSpecification(string? ReportType, List<string>? MarketplaceIds, DateTimeOffset? DataStartTime, DateTimeOffset? DataEndTime);

    private sealed record ReportsPage(string Partner, string[] ReportTypes, string[] ProcessingStatuses, DateTimeOffset CreatedSince, DateTimeOffset CreatedUntil, int PageSize, int Offset);
}
