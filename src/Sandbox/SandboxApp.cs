using Opside.Sandbox.Lwa;
using Opside.Sandbox.SpApi;
using Opside.Sandbox.SpApi.Finances;
using Opside.Sandbox.SpApi.Inbound;
using Opside.Sandbox.SpApi.Reports;
using Opside.Sandbox.Synthetic;

namespace Opside.Sandbox;

/// <summary>A stand-in for Amazon (Login with Amazon and the SP-API subset Opside uses), for local runs and tests. See docs/sandbox.md.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LwaAuthority>();
        builder.Services.AddSingleton<SellerRegistry>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<OperationHold>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<ReportDocuments>();
        builder.Services.AddSingleton<ReportProcessing>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<SpApiGate>();
        app.MapGet("/", () => Results.Text("Opside Amazon sandbox: Login with Amazon at " + LwaEndpoints.TokenPath + "; SP-API reports, inbound v0 and finances v0"));
        app.MapLwa();
        app.MapReports();
        app.MapInbound();
        app.MapFinances();
        app.MapSandboxControl();
        return app;
    }
}
