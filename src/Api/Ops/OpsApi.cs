using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Hosting.Security;

namespace Opside.Api.Ops;

public static class OpsApi
{
    public static RouteGroupBuilder MapOpsApi(this IEndpointRouteBuilder endpoints)
    {
        var ops = endpoints.MapGroup("/api/ops").WithTags("Ops").RequireAuthorization(OpsidePolicies.Ops);
        ops.MapGet("/cluster", GetClusterAsync).WithSummary("The silos of the cluster and their status.");
        ops.MapOpsClaimsApi();
        ops.MapOpsModelsApi();
        ops.MapOpsFilingApi();
        ops.MapOpsBillingTermsApi();
        ops.MapOpsBillingApi();
        return ops.MapOpsSessionsApi();
    }

    private static async Task<Ok<ClusterView>> GetClusterAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var silos = hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloView(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(), h.StartTime))
            .ToList();
        return TypedResults.Ok(new ClusterView(silos.Count(s => s.Status == "Active"), silos));
    }
}

public sealed record ClusterView(int ActiveSilos, IReadOnlyList<SiloView> Silos);

public sealed record SiloView(string Address, string Name, string HostName, string Status, DateTime StartedAt);
