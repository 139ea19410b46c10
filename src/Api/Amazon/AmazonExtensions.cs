using Opside.Grains.Amazon;
using Opside.Grains.Security;

namespace Opside.Api.Amazon;

public static class AmazonExtensions
{
    public static IHostApplicationBuilder AddOpsideAmazon(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpsideAmazonClient();
        builder.Services.AddOpsideTokenProtection();
        return builder;
    }
}
