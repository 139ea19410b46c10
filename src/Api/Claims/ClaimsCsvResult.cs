using System.Globalization;
using System.Text;
using Opside.Grains.Claims;

namespace Opside.Api.Claims;

/// <summary>
/// The claims a filter selects as CSV, written page by page as they are read, so an export of any size holds one page
/// in memory. Cells a spreadsheet would run as a formula (<c>= + - @</c> first) are prefixed with a quote (OWASP,
/// "CSV injection"): identifiers come from Amazon's reports and the seller's files.
/// </summary>
internal sealed class ClaimsCsvResult(IGrainFactory grains, ClaimFilter filter, string fileName) : IResult
{
    private const int PageSize = 500;

    private static readonly string[] Header =
    [
        "id", "type", "status", "dueSoon", "fnsku", "sku", "orderId", "shipmentId", "removalOrderId", "reimbursementId", "anchorDate",
        "windowOpens", "windowCloses", "units", "estimatedValue", "currency", "caseId", "filedAt", "recoveredCash", "recoveredCurrency",
        "recoveredInventoryUnits", "reimbursementIds",
    ];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        var reader = grains.GetGrain<IClaimsReaderGrain>(0);
        for (var page = 1; ; page++)
        {
            httpContext.RequestAborted.ThrowIfCancellationRequested();
            var claims = await reader.ListAsync(filter, page, PageSize);
            foreach (var claim in claims.Items)
                await writer.WriteAsync(Row(claim));
            await writer.FlushAsync(httpContext.RequestAborted);
            if (claims.Items.Count < PageSize || (long)page * PageSize >= claims.Total)
                return;
        }
    }

    private static string Row(Claim c)
    {
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);
        var cells = new[]
        {
            c.Id, c.Type, c.Status.ToString(), c.DueSoon ? "true" : "false", c.Fnsku, c.Sku, c.OrderId, c.ShipmentId, c.RemovalOrderId, c.ReimbursementId,
            Day(c.AnchorDate), Day(c.WindowOpens), Day(c.WindowCloses), c.Units.ToString(CultureInfo.InvariantCulture),
            Number(c.EstimatedValue?.Amount), c.EstimatedValue?.Currency, c.CaseId, c.FiledAt?.ToString("O", CultureInfo.InvariantCulture),
            Number(c.Recovered?.Cash.Amount), c.Recovered?.Cash.Currency, c.Recovered?.InventoryUnits.ToString(CultureInfo.InvariantCulture),
            c.Recovered is null ? null : string.Join(' ', c.Recovered.ReimbursementIds),
        };
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    /// <summary>RFC 4180 quoting, and a quote before a formula's first character.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
