using Microsoft.Extensions.DependencyInjection;

namespace Opside.Grains.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The sync's options, validated when the silo starts, and the claims' read-model projector.</summary>
    public static IServiceCollection AddOpsideSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Detection's claims, projected into the read model in batches (see ClaimProjector).
        services.AddSingleton<Claims.ClaimProjector>();
        return services;
    }
}
