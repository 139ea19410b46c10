using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Opside.Hosting.Cluster;

/// <summary>How this process takes part in the Orleans cluster. Bound from the <c>Orleans</c> section.</summary>
public sealed class OrleansHostingOptions : IValidatableObject
{
    public const string Section = "Orleans";

    /// <summary><c>Cohosted</c> runs a silo inside the process; <c>Client</c> joins a separate cluster through a gateway.</summary>
    public OrleansRole Role { get; set; } = OrleansRole.Cohosted;

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "opside";

    /// <summary>Stable across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "opside";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on (a pod IP in Kubernetes). Empty: loopback for Localhost clustering, else this host's first address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Localhost clustering only: the gateway a client connects to (defaults to <see cref="GatewayPort"/>).</summary>
    public IReadOnlyList<int> GatewayPorts { get; set; } = [];

    /// <summary>TLS on the silo and gateway ports (see <see cref="OrleansTlsOptions"/>).</summary>
    public OrleansTlsOptions Tls { get; set; } = new();

    /// <summary>Failure detection in a multi-silo cluster (see <see cref="OrleansMembershipOptions"/>).</summary>
    public OrleansMembershipOptions Membership { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
            yield return new ValidationResult($"{Section}:ClusterId must not be empty.", [nameof(ClusterId)]);
        if (string.IsNullOrWhiteSpace(ServiceId))
            yield return new ValidationResult($"{Section}:ServiceId must not be empty.", [nameof(ServiceId)]);
        if (SiloPort is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:SiloPort must be a TCP port (1-65535), got {SiloPort}.", [nameof(SiloPort)]);
        if (GatewayPort is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:GatewayPort must be a TCP port (1-65535), got {GatewayPort}.", [nameof(GatewayPort)]);
        if (SiloPort == GatewayPort)
            yield return new ValidationResult($"{Section}:SiloPort and {Section}:GatewayPort must differ (both {SiloPort}).", [nameof(SiloPort), nameof(GatewayPort)]);
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress, out _))
            yield return new ValidationResult($"{Section}:AdvertisedAddress must be an IP address, got '{AdvertisedAddress}'.", [nameof(AdvertisedAddress)]);
        foreach (var port in GatewayPorts.Where(p => p is < 1 or > 65535))
            yield return new ValidationResult($"{Section}:GatewayPorts must hold TCP ports (1-65535), got {port}.", [nameof(GatewayPorts)]);
        foreach (var failure in Tls.Validate(new ValidationContext(Tls)))
            yield return failure;
        foreach (var failure in Membership.Validate(new ValidationContext(Membership)))
            yield return failure;
    }
}

public enum OrleansRole
{
    Cohosted,
    Client,
}
