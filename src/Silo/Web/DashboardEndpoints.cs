using Orleans.Dashboard;

namespace Opside.Silo.Web;

public static class DashboardEndpoints
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>
    /// The Orleans dashboard exposes grain state and logs: until sign-in exists it is served in
    /// Development only, on the API and on every silo host alike.
    /// </summary>
    public static WebApplication MapOpsideDashboard(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
            app.MapOrleansDashboard(routePrefix: RoutePrefix).ExcludeFromDescription();
        return app;
    }
}
