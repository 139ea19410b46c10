using System.ComponentModel.DataAnnotations;

namespace Opside.Hosting.Cluster;

/// <summary>
/// TLS for silo-to-silo and client-to-gateway connections. Bound from <c>Orleans:Tls</c>. Unset (no
/// <see cref="CertificatePath"/>): plain TCP, acceptable only where nothing but the cluster can reach the ports.
/// Every silo and every client presents a certificate and accepts only a peer that presents one of the cluster's.
/// </summary>
public sealed class OrleansTlsOptions : IValidatableObject
{
    public const string Section = OrleansHostingOptions.Section + ":Tls";

    /// <summary>
    /// The cluster certificate: a PEM file (<c>tls.crt</c> of a Kubernetes TLS Secret, with <see cref="KeyPath"/>)
    /// or a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, with <see cref="CertificatePassword"/> if it has one).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/> (<c>tls.key</c>). Empty for a PKCS#12 file.</summary>
    public string? KeyPath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// PEM file of the authorities that issue the cluster's certificates (<c>ca.crt</c>): a peer is accepted when its
    /// certificate chains to one of them. Empty: a peer must present this very certificate (one shared certificate).
    /// </summary>
    public string? AuthorityPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            // Half a configuration would silently leave the cluster in plain TCP.
            if (!string.IsNullOrWhiteSpace(KeyPath) || !string.IsNullOrWhiteSpace(AuthorityPath) || !string.IsNullOrWhiteSpace(CertificatePassword))
                yield return new ValidationResult($"{Section}:CertificatePath is required when any other {Section} key is set.");
            yield break;
        }

        foreach (var (key, path) in new[] { ("CertificatePath", CertificatePath), ("KeyPath", KeyPath), ("AuthorityPath", AuthorityPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
                yield return new ValidationResult($"{Section}:{key} names '{path}', which does not exist.");
        }
    }
}
