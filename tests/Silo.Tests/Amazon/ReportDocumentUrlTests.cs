using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Testing;

namespace Opside.Silo.Tests.Amazon;

/// <summary>
/// Report documents are fetched only from the region's document hosts, over https (plain http only from an allowed
/// loopback host, the sandbox's), without following redirects, and only up to a size: whatever a getReportDocument
/// answer names, Opside asks no other address from inside the cluster.
/// </summary>
public sealed class ReportDocumentUrlTests
{
    [Fact]
    public async Task A_document_url_on_a_host_outside_the_allow_list_is_never_fetched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var foreign = await ForeignHostAsync(ct);
        // The sandbox answers with a URL on "localhost": the same machine, but not the allowed host 127.0.0.1.
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:DocumentUrlBase"] = $"http://localhost:{foreign.Port}" }, cancellationToken: ct);
        await using var services = Services(sandbox);

        var error = await Assert.ThrowsAsync<SpApiException>(() => DownloadAsync(services, sandbox, ct));

        Assert.Equal("ForeignDocumentUrl", error.Code);
        Assert.Contains("localhost", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, foreign.Requests);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_loopback_documents_are_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        await using var allowed = Services(sandbox);
        await using var refused = Services(sandbox, new() { ["Amazon:AllowLoopbackDocumentHosts"] = "false" });

        var document = await DownloadAsync(allowed, sandbox, ct);
        var error = await Assert.ThrowsAsync<SpApiException>(() => DownloadAsync(refused, sandbox, ct));

        Assert.NotEmpty(document.Content);
        Assert.Equal("ForeignDocumentUrl", error.Code);
        Assert.Contains("not https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_is_not_followed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var foreign = await ForeignHostAsync(ct);
        await using var redirector = await ForeignHostAsync(ct, redirectTo: $"http://localhost:{foreign.Port}/stolen");
        // The document URL names an allowed host (127.0.0.1), which redirects elsewhere.
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:DocumentUrlBase"] = $"http://127.0.0.1:{redirector.Port}" }, cancellationToken: ct);
        await using var services = Services(sandbox);

        var error = await Assert.ThrowsAsync<SpApiException>(() => DownloadAsync(services, sandbox, ct));

        Assert.Equal(302, error.Status);
        Assert.Equal(1, redirector.Requests);
        Assert.Equal(0, foreign.Requests);
    }

    [Fact]
    public async Task A_document_larger_than_the_limit_fails_naming_the_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: ct);
        await using var services = Services(sandbox, new() { ["Amazon:MaxDocumentBytes"] = "100" });

        var error = await Assert.ThrowsAsync<SpApiException>(() => DownloadAsync(services, sandbox, ct));

        Assert.Equal("DocumentTooLarge", error.Code);
        Assert.Contains("Amazon:MaxDocumentBytes (100 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_allow_list_is_amazons_https_document_hosts_per_region()
    {
        var amazon = new AmazonOptions();

        Assert.Null(amazon.DocumentUrlProblem("NA", new Uri("https://tortuga-prod-na.s3-external-1.amazonaws.com/x?X-Amz-Signature=y")));
        Assert.Null(amazon.DocumentUrlProblem("EU", new Uri("https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/x")));
        Assert.NotNull(amazon.DocumentUrlProblem("NA", new Uri("http://tortuga-prod-na.s3-external-1.amazonaws.com/x")));
        Assert.NotNull(amazon.DocumentUrlProblem("NA", new Uri("https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/x")));
        Assert.NotNull(amazon.DocumentUrlProblem("NA", new Uri("https://169.254.169.254/latest/meta-data/")));
        Assert.NotNull(amazon.DocumentUrlProblem("NA", new Uri("http://127.0.0.1/x")));
    }

    private static async Task<DownloadedDocument> DownloadAsync(ServiceProvider services, SandboxServer sandbox, CancellationToken ct)
    {
        var (partner, refreshToken) = await sandbox.SelfAuthorizeAsync("A1DOCUMENTS", ct);
        var connection = new SpApiConnection("seller-" + partner, "NA", sandbox.BaseAddress, ["ATVPDKIKX0DER"], refreshToken);
        var reports = services.GetRequiredService<ReportsClient>();
        var now = DateTimeOffset.UtcNow;
        var reportId = await reports.CreateReportAsync(connection, "GET_LEDGER_DETAIL_VIEW_DATA", now.AddDays(-30), now, ct);
        var report = await reports.WaitForReportAsync(connection, reportId, ct);
        return await reports.DownloadAsync(connection, report!.ReportDocumentId!, ct);
    }

    private static ServiceProvider Services(SandboxServer sandbox, Dictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(sandbox.OpsideSettings()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amazon:ReportPolling:InitialDelay"] = "00:00:00.010",
            ["Amazon:Http:RetryAttempts"] = "0",
        }).AddInMemoryCollection(overrides ?? []).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddOpsideAmazonClient()
            .BuildServiceProvider();
    }

    /// <summary>A loopback host that counts its requests: answers 200 with a body, or redirects.</summary>
    private static async Task<ForeignHost> ForeignHostAsync(CancellationToken ct, string? redirectTo = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new ForeignHost(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref host.RequestCount);
            if (redirectTo is not null)
            {
                context.Response.Redirect(redirectTo);
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("secret metadata", context.RequestAborted);
        });
        await app.StartAsync(ct);
        return host;
    }

    private sealed class ForeignHost(WebApplication app) : IAsyncDisposable
    {
        public int RequestCount;

        public int Requests => Volatile.Read(ref RequestCount);

        public int Port => new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
