using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Security;

public static class TokenProtectionExtensions
{
    /// <summary>
    /// The refresh-token protector and its keys, validated when the host starts. Safe to call more than once on
    /// the same services (the silo and the API configuration both call it), which register everything once.
    /// </summary>
    public static IServiceCollection AddOpsideTokenProtection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RefreshTokenProtector)))
            return services;

        services.AddOptions<TokenEncryptionOptions>().BindConfiguration(TokenEncryptionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenEncryptionOptions>, TokenEncryptionKeysRequiredValidator>());
        services.AddSingleton<RefreshTokenProtector>();
        return services;
    }
}
