using Opside.Grains.Amazon;
using Opside.Silo.Security;

namespace Opside.Api.Amazon;

public static class AmazonExtensions
{
    public static IHostApplicationBuilder AddOpsideAmazon(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AmazonOptions>().BindConfiguration(AmazonOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<LwaClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddOpsideTokenProtection();
        return builder;
    }
}
