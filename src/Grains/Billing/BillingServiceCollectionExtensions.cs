using Microsoft.Extensions.DependencyInjection;

namespace Opside.Grains.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>The billing options (<c>Billing</c>, validated when the silo starts) and Stripe's (<c>Stripe</c>), and the Stripe client built from them.</summary>
    public static IServiceCollection AddOpsideBilling(this IServiceCollection services)
    {
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        services.AddHttpClient(StripeBilling.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<StripeBilling>();
        return services;
    }
}
