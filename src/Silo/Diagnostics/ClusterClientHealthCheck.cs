using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Opside.Silo.Diagnostics;

/// <summary>Ready when the cluster answers through a gateway: a management call proves the connection end to end.</summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var management = client.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetHosts(onlyActive: true, cancellationToken).WaitAsync(Timeout, cancellationToken);
            var data = new Dictionary<string, object> { ["activeSilos"] = hosts.Count };
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"Connected; {hosts.Count} active silo(s) in the cluster.", data)
                : HealthCheckResult.Unhealthy("Connected, but the cluster reports no active silo.", data: data);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or SiloUnavailableException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer: {ex.GetType().Name}.");
        }
    }
}
