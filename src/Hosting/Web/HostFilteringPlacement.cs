using Microsoft.AspNetCore.HostFiltering;

namespace Opside.Hosting.Web;

/// <summary>
/// <c>AllowedHosts</c> (the framework's key: <c>;</c>-separated host names, <c>*</c> for any) is checked on the public
/// ports only. The framework would check it before any other middleware, on every port; but Prometheus and the
/// kubelet address the management port by pod IP, which no allowed host list can name in advance.
/// </summary>
internal static class HostFilteringPlacement
{
    /// <summary>The framework registers its host filter as a startup filter of this (internal) type.</summary>
    private const string FrameworkFilterName = "HostFilteringStartupFilter";

    public static IServiceCollection MoveHostFilteringBehindManagementPort(this IServiceCollection services)
    {
        var framework = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == FrameworkFilterName).ToList();
        foreach (var descriptor in framework)
            services.Remove(descriptor);
        return services;
    }

    public static IApplicationBuilder UseHostFilteringOnPublicPorts(this IApplicationBuilder app, int? managementPort) =>
        app.UseWhen(http => !ManagementPort.IsManagementRequest(http, managementPort), publicPorts => publicPorts.UseHostFiltering());
}
