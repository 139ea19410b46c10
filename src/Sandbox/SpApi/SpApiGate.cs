using Opside.Sandbox.Lwa;

namespace Opside.Sandbox.SpApi;

/// <summary>
/// What Amazon does before an SP-API operation runs: request id and rate-limit headers, the access token check
/// (403 Unauthorized), a test's hold, scripted faults, and the token bucket (429 QuotaExceeded); then it logs the outcome.
/// </summary>
public sealed class SpApiGate(RequestDelegate next, LwaAuthority authority, RateLimiter limiter, FaultInjector faults, OperationHold hold, RequestLog log, TimeProvider time)
{
    public const string PartnerItem = "sandbox.sellingPartnerId";
    public const string AccessTokenHeader = "x-amz-access-token";

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<SpApiOperation>();
        if (operation is null)
        {
            await next(context);
            return;
        }

        await hold.PassAsync(operation.Name, context.RequestAborted);

        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RateLimit-Limit"] = limiter.Header(operation);
        var partner = authority.Authenticate(context.Request.Headers[AccessTokenHeader].ToString());
        if (partner is null)
        {
            await WriteAsync(context, 403);
        }
        else if (faults.Take(operation.Name) is { } status)
        {
            await WriteAsync(context, status);
        }
        else if (!limiter.TryTake(partner, operation))
        {
            await WriteAsync(context, 429);
        }
        else
        {
            context.Items[PartnerItem] = partner;
            await next(context);
        }

        log.Add(new LoggedRequest(time.GetUtcNow(), operation.Name, partner, context.Response.StatusCode));
    }

    public static string PartnerOf(HttpContext context) => (string)context.Items[PartnerItem]!;

    private static Task WriteAsync(HttpContext context, int status)
    {
        var (code, message) = SpApiErrors.ForStatus(status);
        if (status == 403)
            message = "Access to requested resource is denied. The access token is missing, unknown or expired.";
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(SpApiErrors.Body(code, message));
    }
}
