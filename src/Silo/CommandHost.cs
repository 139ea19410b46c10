using Serilog;
using Serilog.Extensions.Logging;

namespace Opside.Silo;

/// <summary>What the silo's one-shot commands share: the host's configuration and environment, and its log formats.</summary>
internal static class CommandHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args) =>
        // The web hosts take their environment from ASPNETCORE_ENVIRONMENT (launchSettings sets it under dotnet run);
        // a plain host reads only DOTNET_ENVIRONMENT, so ask for the same one.
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
        });

    /// <summary>The same console formats as the hosts: a deployment job's lines reach the same log shipper.</summary>
    public static SerilogLoggerFactory CreateLoggerFactory(HostApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration);
        var serilog = (builder.Environment.IsDevelopment()
                ? configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                : configuration.WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()))
            .CreateLogger();
        return new SerilogLoggerFactory(serilog, dispose: true);
    }
}
