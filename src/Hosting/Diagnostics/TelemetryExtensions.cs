using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Opside.Hosting.Diagnostics;

public static class TelemetryExtensions
{
    /// <summary>Orleans' own activity sources; grain calls become spans beneath the HTTP request that made them.</summary>
    private static readonly string[] OrleansActivitySources =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>
    /// Metrics for Prometheus at <c>/metrics</c> (Orleans, ASP.NET Core, HTTP clients, the runtime) and traces
    /// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it no trace leaves the process.
    /// </summary>
    public static IHostApplicationBuilder AddOpsideTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(OrleansActivitySources)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }
}
