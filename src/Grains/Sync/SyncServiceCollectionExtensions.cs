using Microsoft.Extensions.DependencyInjection;

namespace Opside.Grains.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The sync's options, validated when the silo starts.</summary>
    public static IServiceCollection AddOpsideSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
