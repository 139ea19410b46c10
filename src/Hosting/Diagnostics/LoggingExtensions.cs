using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Opside.Hosting.Diagnostics;

public static class LoggingExtensions
{
    private const string DevelopmentTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}{CorrelationSuffix}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every log line of the process: compact JSON on stdout outside Development (one event
    /// per line, for a log shipper), readable text in Development. Levels come from the Serilog section.
    /// </summary>
    public static IHostApplicationBuilder AddOpsideLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger
                    .MinimumLevel.Information()
                    // Every grain placement logs resilience pipeline lines at Information.
                    .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                    .ReadFrom.Configuration(builder.Configuration)
                    .Enrich.FromLogContext()
                    // Secrets (refresh and access tokens, passwords) never reach a sink, whichever way they were logged.
                    .Destructure.With<SecretMaskingPolicy>()
                    .Enrich.With<SecretMaskingPolicy>();
                if (development)
                    logger.Enrich.With<CorrelationSuffixEnricher>();
                // Exceptions are masked on their way to the sinks (an enricher cannot replace them), so every sink
                // sits behind the masking one: the console, and the sinks registered as services (what
                // ReadFrom.Services would add; tests capture logs that way).
                logger.WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(sink => new ExceptionMaskingSink(sink), sinks =>
                {
                    if (development)
                        sinks.Console(outputTemplate: DevelopmentTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    else
                        sinks.Console(new RenderedCompactJsonFormatter());
                    foreach (var registered in services.GetServices<Serilog.Core.ILogEventSink>())
                        sinks.Sink(registered);
                }));
            },
            // Each host keeps its own logger instead of the static Log.Logger, so that hosts sharing a
            // process (a co-hosted silo and test hosts) never write into each other's sinks.
            preserveStaticLogger: true,
            // The Orleans dashboard reads the log stream through its own ILoggerProvider.
            writeToProviders: true);
        return builder;
    }
}
