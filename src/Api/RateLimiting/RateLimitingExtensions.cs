using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Opside.Api.RateLimiting;

public static class RateLimitingExtensions
{
    public const string AuthPolicy = "auth";

    public const string ConsentCallbackPolicy = "consent-callback";

    public const string RegisterPolicy = "register";

    public const string StripeWebhookPolicy = "stripe-webhook";

    /// <summary>
    /// A fixed window per client address on <c>/api/auth/*</c> and <c>/signin</c> (a tighter one on registration) the
    /// Amazon consent callback and Stripe's webhook, each its own budget, and per user on everything a signed-in user calls.
    /// A refused request gets 429, a problem body and <c>Retry-After</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOpsideRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AuthPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => Window(limits.AuthPermitLimit, limits.AuthWindow)));
            limiter.AddPolicy(ConsentCallbackPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => Window(limits.ConsentCallbackPermitLimit, limits.ConsentCallbackWindow)));
            limiter.AddPolicy(StripeWebhookPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => Window(limits.StripeWebhookPermitLimit, limits.StripeWebhookWindow)));
            limiter.AddPolicy(RegisterPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http),
                _ => Window(limits.RegisterPermitLimit, limits.RegisterWindow)));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.FindFirst("sub")?.Value is { } user
                    ? RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(limits.UserPermitLimit, limits.UserWindow))
                    : RateLimitPartition.GetNoLimiter("anonymous"));
            limiter.OnRejected = WriteRejectionAsync;
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = "Wait for the number of seconds in Retry-After, then try again.",
            },
        });
    }
}
