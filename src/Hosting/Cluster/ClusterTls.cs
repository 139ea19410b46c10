using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Opside.Hosting.Cluster;

/// <summary>
/// Mutual TLS on the Orleans silo and gateway connections, from <see cref="OrleansTlsOptions"/>: each end presents the
/// cluster certificate and refuses a peer whose certificate is not the cluster's.
/// </summary>
public static class ClusterTls
{
    public static ISiloBuilder UseOpsideTls(this ISiloBuilder silo, OrleansTlsOptions settings)
    {
        if (settings.Enabled)
            silo.UseTls(LoadCertificate(settings), options => Configure(options, settings));
        return silo;
    }

    public static IClientBuilder UseOpsideTls(this IClientBuilder client, OrleansTlsOptions settings)
    {
        if (settings.Enabled)
            client.UseTls(LoadCertificate(settings), options => Configure(options, settings));
        return client;
    }

    /// <summary>The certificate this process presents. Its key must be usable here: a certificate alone cannot authenticate.</summary>
    public static X509Certificate2 LoadCertificate(OrleansTlsOptions settings)
    {
        var path = settings.CertificatePath ?? throw new InvalidOperationException($"{OrleansTlsOptions.Section}:CertificatePath is not set.");
        try
        {
            var certificate = string.IsNullOrWhiteSpace(settings.KeyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword)
                : X509Certificate2.CreateFromPemFile(path, settings.KeyPath);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{OrleansTlsOptions.Section}:CertificatePath '{path}' has no private key; set {OrleansTlsOptions.Section}:KeyPath.");
            return certificate;
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{OrleansTlsOptions.Section}: the certificate '{path}' could not be loaded ({ex.Message}).", ex);
        }
    }

    private static void Configure(TlsOptions options, OrleansTlsOptions settings)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        var local = options.LocalCertificate ?? throw new InvalidOperationException("Orleans TLS has no local certificate.");
        var authorities = string.IsNullOrWhiteSpace(settings.AuthorityPath) ? null : LoadAuthorities(settings.AuthorityPath);
        options.RemoteCertificateValidation = (certificate, _, _) => IsClusterCertificate(certificate, local, authorities);
    }

    /// <summary>
    /// The platform's verdict is not used: peers dial pod IPs, which no certificate names, and a shared self-signed
    /// certificate has no public chain. What counts is that the certificate is the cluster's: pinned or issued by its authority.
    /// </summary>
    internal static bool IsClusterCertificate(X509Certificate2? remote, X509Certificate2 local, X509Certificate2Collection? authorities)
    {
        if (remote is null)
            return false;
        if (authorities is null)
            return remote.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(local.GetCertHash(HashAlgorithmName.SHA256));

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // A private cluster authority publishes no revocation list.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities.Count > 0
            ? authorities
            : throw new InvalidOperationException($"{OrleansTlsOptions.Section}:AuthorityPath '{path}' holds no certificate.");
    }
}
