using Microsoft.Extensions.Options;
using Opside.Hosting.Diagnostics;
using Opside.Hosting.Security;
using Serilog;

namespace Opside.Hosting.Web;

/// <summary>What every HTTP host of Opside shares: errors as problem details, correlation, security headers, request logs.</summary>
public static class WebDefaultsExtensions
{
    public static IHostApplicationBuilder AddOpsideWebDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddOpsideLogging();
        builder.AddOpsideTelemetry();
        builder.AddOpsideAuthentication();
        builder.AddOpsideFrontEndCors();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (Correlation.Of(context.HttpContext) is { } correlationId)
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Enums travel by name ("Claimable", "Website"), as the REST contract shows them.
        // URLs keep their '&' instead of \u0026: bodies are application/json under nosniff, never inlined in HTML.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        // Minimal APIs answer a bad body or parameter with a bare 400 unless told to throw; throwing lets
        // the exception handler say which parameter was wrong, in problem details, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks();
        builder.Services.AddOpsideForwardedHeaders();
        builder.Services.MoveHostFilteringBehindManagementPort();
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(ManagementOptions.Section).Get<ManagementOptions>()?.Port is { } managementPort and >= 1 and <= 65535)
            ManagementPort.AddListenAddress(builder.Configuration, managementPort);
        return builder;
    }

    public static WebApplication UseOpsideWebDefaults(this WebApplication app)
    {
        app.UseOpsideRequestPipeline();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }

    /// <summary>The middleware every request passes first, in this order: the correlation id must exist before anything logs.</summary>
    public static IApplicationBuilder UseOpsideRequestPipeline(this IApplicationBuilder app)
    {
        var managementPort = app.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value.Port;
        app.UseHostFilteringOnPublicPorts(managementPort);
        // Next: everything after it (request logs, rate limits, HTTPS redirection) must see the real client and scheme.
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging(o =>
        {
            // The host's own logger: the static one is left alone (see AddOpsideLogging).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("Endpoint", http.GetEndpoint()?.DisplayName ?? "(none)");
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseManagementPortSeparation(managementPort);
        // The scraper speaks plain HTTP to the management port inside the cluster: only public traffic is sent to HTTPS.
        if (!app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseWhen(http => !ManagementPort.IsManagementRequest(http, managementPort), secure =>
            {
                secure.UseHsts();
                secure.UseHttpsRedirection();
            });
        }

        // Before authentication, so a preflight (which carries no token) is answered, not refused.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Health for probes and metrics for Prometheus: the endpoints an orchestrator and a scraper need.</summary>
    public static IEndpointRouteBuilder MapOpsideOperationalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Scraped by Prometheus on the management port only (see ManagementPort); it carries no seller data.
        endpoints.MapPrometheusScrapingEndpoint(ManagementPort.MetricsPath).AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }
}
