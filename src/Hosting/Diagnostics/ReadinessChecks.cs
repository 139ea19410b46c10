namespace Opside.Hosting.Diagnostics;

/// <summary>What the checks behind <c>/health/ready</c> share.</summary>
public static class ReadinessChecks
{
    /// <summary>Checks that must pass before the process takes traffic; liveness runs none of them.</summary>
    public const string Tag = "ready";

    /// <summary>Below the probes' timeout, so a hanging dependency answers 503 rather than a probe timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
}
