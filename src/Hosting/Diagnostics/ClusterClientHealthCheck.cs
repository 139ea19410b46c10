using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Opside.Hosting.Diagnostics;

/// <summary>Ready when the cluster answers through a gateway: a management call proves the connection end to end.</summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var management = client.GetGrain<IManagementGrain>(0);
            // WaitAsync as well: the readiness timeout must end the wait even if the call ignores cancellation.
            var hosts = await management.GetHosts(onlyActive: true, cancellationToken).WaitAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["activeSilos"] = hosts.Count };
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"Connected; {hosts.Count} active silo(s) in the cluster.", data)
                : HealthCheckResult.Unhealthy("Connected, but the cluster reports no active silo.", data: data);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or OrleansException or SiloUnavailableException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer: {ex.GetType().Name}.");
        }
    }
}
