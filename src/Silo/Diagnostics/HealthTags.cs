namespace Opside.Silo.Diagnostics;

public static class HealthTags
{
    /// <summary>Checks that must pass before the process takes traffic; liveness runs none of them.</summary>
    public const string Ready = "ready";
}
