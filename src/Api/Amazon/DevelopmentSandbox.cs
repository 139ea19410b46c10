using Microsoft.Extensions.Options;
using Opside.Grains.Amazon;
using Opside.Sandbox;
using Opside.Sandbox.Lwa;

namespace Opside.Api.Amazon;

/// <summary>
/// In Development with <c>Amazon:Sandbox:Enabled=true</c>, the single-node run starts the Amazon sandbox
/// beside itself and points the Amazon client at it, so a newcomer connects a demo seller with no
/// Amazon credentials. Never outside Development.
/// </summary>
public static class DevelopmentSandbox
{
    public const string EnabledKey = "Amazon:Sandbox:Enabled";
    public const string PortKey = "Amazon:Sandbox:Port";

    public static IHostApplicationBuilder AddDevelopmentSandbox(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !builder.Configuration.GetValue<bool>(EnabledKey))
            return builder;

        var port = builder.Configuration.GetValue(PortKey, 5181);
        var root = $"http://127.0.0.1:{port}";
        var app = new SandboxOptions();
        builder.Services.AddHostedService(sp => new SandboxHost(root, sp.GetRequiredService<ILogger<SandboxHost>>()));
        builder.Services.PostConfigure<AmazonOptions>(amazon =>
        {
            amazon.LwaTokenEndpoint = root + LwaEndpoints.TokenPath;
            amazon.ClientId = app.ClientId;
            amazon.ClientSecret = app.ClientSecret;
            amazon.ApplicationId = app.ApplicationId;
            // The sandbox makes reports in seconds and enforces no generation cooldown of its own by default.
            amazon.ReportCooldown.NearRealTime = TimeSpan.Zero;
            amazon.ReportCooldown.Daily = TimeSpan.Zero;
            amazon.ReportPolling.InitialDelay = TimeSpan.FromSeconds(1);
            // The sandbox serves report documents itself, over http on loopback.
            amazon.AllowLoopbackDocumentHosts = true;
            foreach (var region in amazon.Regions.Values)
            {
                region.Endpoint = root;
                region.SellerCentralUrl = root;
                region.DocumentHosts = [new Uri(root).Host];
            }
        });
        return builder;
    }

    /// <summary>Runs the sandbox web app for the lifetime of the API process.</summary>
    private sealed class SandboxHost(string url, ILogger<SandboxHost> logger) : IHostedService
    {
        private WebApplication? _sandbox;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _sandbox = SandboxApp.Build([], b =>
            {
                b.WebHost.UseUrls(url);
                // Opside's cooldowns are off against the sandbox (above), so the sandbox must not enforce its own.
                b.Configuration["Sandbox:ReportCooldown:NearRealTime"] = "00:00:00";
                b.Configuration["Sandbox:ReportCooldown:Daily"] = "00:00:00";
                b.Logging.ClearProviders();
            });
            await _sandbox.StartAsync(cancellationToken);
            logger.LogWarning("Amazon sandbox running at {Url}: Amazon calls go to it, not to Amazon", url);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_sandbox is not null)
            {
                await _sandbox.StopAsync(cancellationToken);
                await _sandbox.DisposeAsync();
            }
        }
    }
}
