using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Opside.Grains.Amazon.SpApi;

internal static class SpApiClientRegistration
{
    /// <summary>
    /// A typed SP-API client: the resilience pipeline outside (retry with exponential backoff and jitter on 429,
    /// 5xx, timeouts and broken connections; a circuit breaker per Amazon host, i.e. per region), and
    /// <see cref="SpApiCallHandler"/> inside, so every attempt is rate-limited, signed and logged.
    /// </summary>
    public static IServiceCollection AddSpApiClient<TClient>(this IServiceCollection services)
        where TClient : class
    {
        // The outer bound of one call with all its retries and bucket waits; each attempt has its own timeout.
        services.AddHttpClient<TClient>(http => http.Timeout = TimeSpan.FromMinutes(15))
            // A redirect could lead a report download to any host: none is followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler("sp-api", Configure)
            .SelectPipelineByAuthority()
            .Services.AddHttpClient<TClient>()
            .AddHttpMessageHandler<SpApiCallHandler>();
        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var http = context.ServiceProvider.GetRequiredService<IOptions<AmazonOptions>>().Value.Http;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, http.RetryAttempts),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = http.RetryBaseDelay,
            MaxDelay = TimeSpan.FromMinutes(1),
            ShouldHandle = args => ValueTask.FromResult(http.RetryAttempts > 0 && IsTransient(args.Outcome, countThrottling: true)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // Throttling is Amazon working as designed, not a failing region: only errors and 5xx open the circuit.
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, countThrottling: false)),
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = http.CircuitBreakDuration,
        });
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, bool countThrottling) =>
        outcome.Exception is HttpRequestException or TimeoutException
        || outcome.Result is { } response && (
            (int)response.StatusCode >= 500
            || response.StatusCode == HttpStatusCode.RequestTimeout
            || countThrottling && response.StatusCode == HttpStatusCode.TooManyRequests);
}
