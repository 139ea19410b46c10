using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Opside.Hosting.Web;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Bound from <c>ForwardedHeaders</c>.
/// Empty (the default) believes no one: the TCP peer is the client, so a client cannot pick its own address
/// (and with it its own rate-limit budget) by sending the header itself.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the load balancers or ingress controllers in front of this process, e.g. <c>10.0.0.10</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, e.g. <c>10.0.0.0/8</c>: any peer in them is a trusted proxy (ingress pods move).</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to unwrap the header: one per trusted hop in front of this process.</summary>
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
                yield return new ValidationResult($"{Section}:KnownProxies:{i} must be an IP address, got '{KnownProxies[i]}'.");
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
                yield return new ValidationResult($"{Section}:KnownNetworks:{i} must be a network in CIDR notation (10.0.0.0/8), got '{KnownNetworks[i]}'.");
        }

        if (ForwardLimit < 1)
            yield return new ValidationResult($"{Section}:ForwardLimit must be at least 1, got {ForwardLimit}.");
    }
}
