using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;

namespace Opside.Hosting.Web;

/// <summary>Tells a newcomer where to look once the process listens.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return;

        var baseUrl = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var links = new List<(string Name, string Path)> { ("Health", "/health/ready") };
        if (routes.Contains("/docs") || routes.Any(r => r.StartsWith("/docs/", StringComparison.OrdinalIgnoreCase)))
            links.Insert(0, ("API reference", "/docs"));
        if (routes.Any(r => r.StartsWith("/dashboard", StringComparison.OrdinalIgnoreCase)))
            links.Add(("Orleans dashboard", "/dashboard"));

        app.Logger.LogInformation(
            "Opside is listening on {BaseUrl}. {Links}",
            baseUrl,
            string.Join("  ", links.Select(l => $"{l.Name}: {baseUrl}{l.Path}")));
    }
}
