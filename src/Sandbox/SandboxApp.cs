using Opside.Sandbox.Lwa;

namespace Opside.Sandbox;

/// <summary>A stand-in for Amazon (Login with Amazon and, later, the SP-API subset Opside uses), for local runs and tests.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LwaAuthority>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGet("/", () => Results.Text("Opside Amazon sandbox: Login with Amazon at " + LwaEndpoints.TokenPath));
        app.MapLwa();
        return app;
    }
}
