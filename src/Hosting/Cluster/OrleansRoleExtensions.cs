namespace Opside.Hosting.Cluster;

public static class OrleansRoleExtensions
{
    /// <summary>Co-hosts a silo or connects to a separate cluster as a client, as <c>Orleans:Role</c> says.</summary>
    public static IHostApplicationBuilder AddOpsideOrleans(this IHostApplicationBuilder builder)
    {
        var settings = OpsideHostingSettings.Register(builder);
        return settings.Orleans.Role == OrleansRole.Client
            ? builder.AddOpsideClusterClient(settings)
            : builder.AddOpsideSilo(settings);
    }
}
