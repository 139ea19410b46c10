using Opside.Grains.Errors;

namespace Opside.Hosting.Web;

/// <summary>
/// A read (GET or HEAD) that fails because the silo it reached died (the call was rejected, or the silo is gone) is
/// run again after a short back-off: HTTP makes those methods safe to repeat, and the grain reactivates on a live
/// silo once membership has declared the dead one dead (docs/operations.md, "Losing a silo"). A write is not repeated
/// here, since its first attempt may have taken effect; it, and a read still failing after the last attempt, reach
/// <see cref="ProblemDetailsExceptionHandler"/> as 503 with Retry-After.
/// </summary>
public sealed class SiloLossRetryMiddleware(RequestDelegate next, ILogger<SiloLossRetryMiddleware> logger)
{
    // About eight seconds in all: longer than a rejected call takes to find the grain's new home once the silo is
    // declared dead, shorter than a client's patience.
    private static readonly TimeSpan[] BackOff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (Exception ex) when (SiloLoss.Is(ex) && attempt < BackOff.Length && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                logger.LogWarning("{Method} {Path} failed because a silo was lost ({Exception}); attempt {Attempt} follows in {Delay}",
                    context.Request.Method, context.Request.Path, ex.GetType().Name, attempt + 2, BackOff[attempt]);
                await Task.Delay(BackOff[attempt], context.RequestAborted);
            }
        }
    }
}

public static class SiloLossRetryExtensions
{
    /// <summary>Place right before the endpoints (after rate limiting), so a repeat is not counted as another request.</summary>
    public static IApplicationBuilder UseSiloLossRetry(this IApplicationBuilder app) => app.UseMiddleware<SiloLossRetryMiddleware>();
}
