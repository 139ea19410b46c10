using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Opside.Hosting.Web;

/// <summary>
/// Writes a health report as JSON naming each check, so an operator sees which dependency failed. The
/// health routes are anonymous, so descriptions and data (addresses, database errors) are written in
/// Development only; elsewhere they go to the log.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = detailed ? e.Value.Description : null,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    data = detailed && e.Value.Data.Count > 0 ? e.Value.Data : null,
                }),
        };
        return context.Response.WriteAsJsonAsync(body, Json);
    }
}
