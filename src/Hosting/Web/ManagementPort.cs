using System.Globalization;

namespace Opside.Hosting.Web;

/// <summary>
/// Opens the management port next to the public ones, and keeps each port to its own routes: the socket the
/// request arrived on decides, not the Host header (which the client writes, so <c>RequireHost</c> would not do).
/// </summary>
public static class ManagementPort
{
    public const string MetricsPath = "/metrics";

    private const string HealthPath = "/health";

    /// <summary>
    /// Adds <c>http://*:{port}</c> to the addresses Kestrel listens on. The public addresses are kept as the host
    /// would have chosen them (<c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else Kestrel's default), because
    /// setting <c>urls</c> replaces the port settings rather than adding to them.
    /// </summary>
    public static void AddListenAddress(IConfiguration configuration, int port)
    {
        var addresses = configuration["urls"] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : PortAddresses(configuration);
        if (addresses.Count == 0)
            addresses.Add("http://localhost:5000");
        addresses.Add(string.Create(CultureInfo.InvariantCulture, $"http://*:{port}"));
        configuration["urls"] = string.Join(';', addresses);
    }

    /// <summary>The request came in on the management port.</summary>
    public static bool IsManagementRequest(HttpContext context, int? port) =>
        port is { } management && context.Connection.LocalPort == management;

    /// <summary>On the public ports, /metrics does not exist; on the management port, only /metrics and health do.</summary>
    public static IApplicationBuilder UseManagementPortSeparation(this IApplicationBuilder app, int? port) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var allowed = IsManagementRequest(context, port)
                ? path.StartsWithSegments(MetricsPath) || path.StartsWithSegments(HealthPath)
                : !path.StartsWithSegments(MetricsPath);
            if (allowed)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    private static List<string> PortAddresses(IConfiguration configuration) =>
        Ports(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Ports(configuration["https_ports"]).Select(p => $"https://*:{p}"))
            .ToList();

    private static string[] Ports(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
