using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Opside.Hosting.Diagnostics;

/// <summary>Ready only while the local silo is Active in the membership table and not shutting down.</summary>
public sealed class SiloActiveHealthCheck(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Task.FromResult(HealthCheckResult.Unhealthy("The silo is shutting down."));

        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(localSilo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["silo"] = localSilo.SiloAddress.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active; {active} active silo(s) in the cluster.", data)
            : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}.", data: data));
    }
}
