using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Opside.Hosting.Web;

/// <summary>Believes X-Forwarded-For and X-Forwarded-Proto from the configured proxies only.</summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddOpsideForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, configured) =>
        {
            var settings = configured.Value;
            // With both lists empty the middleware believes every peer, so "no proxy configured" must switch the
            // headers off rather than leave the lists empty.
            options.ForwardedHeaders = settings.KnownProxies.Count + settings.KnownNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            options.ForwardLimit = settings.ForwardLimit;
            // The framework trusts loopback by default; only what is configured is trusted here, so a
            // sidecar or a local process does not get to name the client either unless it is listed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
