using Opside.Hosting.Security;
using Orleans.Dashboard;

namespace Opside.Hosting.Web;

public static class DashboardEndpoints
{
    public const string RoutePrefix = "/dashboard";

    /// <summary>
    /// The Orleans dashboard exposes grain state and logs, so it answers Ops users only, on the API and on
    /// every silo host alike; its live log stream is off outside Development.
    /// </summary>
    public static WebApplication MapOpsideDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(routePrefix: RoutePrefix)
            .RequireAuthorization(OpsidePolicies.Ops)
            .ExcludeFromDescription();
        return app;
    }
}
