using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Opside.Grains.Amazon.SpApi;

namespace Opside.Grains.Amazon;

public static class AmazonServiceCollectionExtensions
{
    /// <summary>
    /// The Amazon client parts every host needs: options, Login with Amazon, the per-seller access-token cache,
    /// the per-seller, per-operation rate limits and the SP-API clients. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddOpsideAmazonClient(this IServiceCollection services)
    {
        // The co-hosted API and its silo both call this on one service collection; HttpClient configuration
        // accumulates, so a second call would stack a second resilience pipeline and call handler on every client.
        if (services.Any(d => d.ServiceType == typeof(SpApiCallHandler)))
            return services;
        services.AddOptions<AmazonOptions>().BindConfiguration(AmazonOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<LwaClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            // The access-token cache is a singleton holding its client for the process lifetime: pooled
            // connections are recycled instead, so DNS changes at Amazon are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new LwaAccessTokens(sp.GetRequiredService<LwaClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SpApiRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<SpApiCallHandler>();
        services.AddSpApiClient<ReportsClient>();
        services.AddSpApiClient<FulfillmentInboundClient>();
        services.AddSpApiClient<FinancesClient>();
        return services;
    }
}
