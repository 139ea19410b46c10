using Microsoft.Extensions.DependencyInjection;

namespace Opside.Grains.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>The billing options (<c>Billing</c>, validated when the silo starts) and Stripe's (<c>Stripe</c>).</summary>
    public static IServiceCollection AddOpsideBilling(this IServiceCollection services)
    {
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        return services;
    }
}
