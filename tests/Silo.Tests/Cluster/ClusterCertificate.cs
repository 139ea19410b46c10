using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Opside.Testing;

namespace Opside.Silo.Tests.Cluster;

/// <summary>
/// A self-signed certificate written as PEM files (<c>tls.crt</c>, <c>tls.key</c>), as a Kubernetes TLS Secret
/// mounts them: usable for both ends of a connection, so for server and client authentication.
/// </summary>
public sealed class ClusterCertificate : IDisposable
{
    private readonly TempDirectory _folder = new();

    public ClusterCertificate(string subject = "CN=opside-cluster")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        CertificatePath = Path.Combine(_folder.Path, "tls.crt");
        KeyPath = Path.Combine(_folder.Path, "tls.key");
        File.WriteAllText(CertificatePath, Certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>The settings that turn Orleans TLS on with this certificate.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Orleans:Tls:CertificatePath"] = CertificatePath,
        ["Orleans:Tls:KeyPath"] = KeyPath,
    };

    public void Dispose()
    {
        Certificate.Dispose();
        _folder.Dispose();
    }
}
