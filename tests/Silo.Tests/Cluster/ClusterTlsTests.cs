using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Opside.Hosting.Cluster;
using Opside.Testing;

namespace Opside.Silo.Tests.Cluster;

/// <summary>
/// With <c>Orleans:Tls</c> set, the silo and gateway ports speak TLS only, present the cluster certificate, and admit
/// only a peer presenting it: silos form a cluster and a client calls grains over TLS; a stranger is refused.
/// </summary>
public sealed class ClusterTlsTests
{
    private static readonly TimeSpan ClusterFormTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_silos_with_the_cluster_certificate_form_one_cluster_and_a_client_with_it_calls_a_grain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var certificate = new ClusterCertificate();
        await using var database = await PostgresServer.CreateMigratedDatabaseAsync(ct);
        var settings = TestSilo.Postgres(database.ConnectionString, clusterInDatabase: true, clusterId: "tls-silos");
        foreach (var (key, value) in certificate.Settings())
            settings[key] = value;

        await using var first = await TestSilo.StartAsync(settings, cancellationToken: ct);
        await using var second = await TestSilo.StartAsync(settings, cancellationToken: ct);
        await WaitForActiveSilosAsync(first, expected: 2, ct);
        await WaitForActiveSilosAsync(second, expected: 2, ct);
        using var client = await StartClientAsync(settings, ct);

        var counter = client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("over-tls");

        Assert.Equal(1, await counter.IncrementAsync());
    }

    [Fact]
    public async Task The_gateway_and_silo_ports_present_the_cluster_certificate_and_refuse_a_peer_without_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var certificate = new ClusterCertificate();
        using var stranger = new ClusterCertificate("CN=not-the-cluster");
        using var data = new TempDirectory();
        var settings = TestSilo.Sqlite(data.Path);
        foreach (var (key, value) in certificate.Settings())
            settings[key] = value;
        settings["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var silo = await TestSilo.StartAsync(settings, cancellationToken: ct);

        foreach (var port in new[] { settings["Orleans:SiloPort"]!, settings["Orleans:GatewayPort"]! }.Select(p => int.Parse(p, CultureInfo.InvariantCulture)))
        {
            var presented = await HandshakeAsync(port, certificate.Certificate, ct);
            Assert.True(presented.Accepted, $"port {port} refused the cluster certificate");
            Assert.Equal(certificate.Certificate.GetCertHashString(HashAlgorithmName.SHA256), presented.ServerCertificateHash);
            Assert.False((await HandshakeAsync(port, stranger.Certificate, ct)).Accepted, $"port {port} admitted a stranger's certificate");
            Assert.False((await HandshakeAsync(port, clientCertificate: null, ct)).Accepted, $"port {port} admitted a peer without a certificate");
        }
    }

    [Fact]
    public async Task A_client_with_another_certificate_cannot_call_the_cluster()
    {
        var ct = TestContext.Current.CancellationToken;
        using var certificate = new ClusterCertificate();
        using var stranger = new ClusterCertificate("CN=not-the-cluster");
        using var data = new TempDirectory();
        var settings = TestSilo.Sqlite(data.Path);
        foreach (var (key, value) in certificate.Settings())
            settings[key] = value;
        settings["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var silo = await TestSilo.StartAsync(settings, cancellationToken: ct);

        var trusted = new Dictionary<string, string?>(settings);
        using var client = await StartClientAsync(trusted, ct);
        Assert.Equal(1, await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("a").IncrementAsync());

        var strangerSettings = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in stranger.Settings())
            strangerSettings[key] = value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var refused = await StartClientAsync(strangerSettings, timeout.Token);
            await refused.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("a").GetAsync().WaitAsync(timeout.Token);
        });
    }

    [Fact]
    public async Task A_silo_whose_configured_certificate_is_missing_refuses_to_start_naming_the_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        var settings = TestSilo.Sqlite(data.Path);
        settings["Orleans:Tls:CertificatePath"] = Path.Combine(data.Path, "absent.crt");
        settings["Orleans:Tls:KeyPath"] = Path.Combine(data.Path, "absent.key");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestSilo.StartAsync(settings, cancellationToken: ct));

        Assert.Contains("Orleans:Tls:CertificatePath", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_a_certificate_path_is_refused_rather_than_leaving_plain_tcp()
    {
        var options = new OrleansTlsOptions { KeyPath = "/etc/opside/tls/tls.key" };

        var failures = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(failures, f => f.ErrorMessage!.Contains("Orleans:Tls:CertificatePath is required", StringComparison.Ordinal));
    }

    private sealed record Handshake(bool Accepted, string? ServerCertificateHash);

    /// <summary>
    /// A TLS handshake with the port, then a read: a refused client certificate surfaces as an alert on the first read
    /// (TLS 1.3 finishes the client's side of the handshake before the server has judged it), an accepted one as the
    /// silo's preamble or silence.
    /// </summary>
    private static async Task<Handshake> HandshakeAsync(int port, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port, ct);
        await using var tls = new SslStream(tcp.GetStream());
        string? serverHash = null;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "opside-cluster",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, server, _, _) =>
                {
                    // Recorded and judged by the test: the silo's certificate is self-signed and names no host.
                    serverHash = server?.GetCertHashString(HashAlgorithmName.SHA256);
                    return server is not null;
                },
            }, ct);
            using var read = CancellationTokenSource.CreateLinkedTokenSource(ct);
            read.CancelAfter(TimeSpan.FromSeconds(2));
            var buffer = new byte[64];
            try
            {
                return new Handshake(await tls.ReadAsync(buffer, read.Token) > 0, serverHash);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new Handshake(true, serverHash);
            }
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
        {
            return new Handshake(false, serverHash);
        }
    }

    private static async Task<IHost> StartClientAsync(IReadOnlyDictionary<string, string?> siloSettings, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        var settings = new Dictionary<string, string?>(siloSettings, StringComparer.OrdinalIgnoreCase)
        {
            ["Orleans:Role"] = "Client",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (settings.GetValueOrDefault("Cluster:Provider") == "Localhost")
            settings["Orleans:GatewayPorts:0"] = settings["Orleans:GatewayPort"];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOpsideClusterClient();
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static async Task WaitForActiveSilosAsync(TestSiloHost host, int expected, CancellationToken ct)
    {
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ClusterFormTimeout);
        while ((await management.GetHosts(onlyActive: true, timeout.Token)).Count != expected)
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
    }
}
