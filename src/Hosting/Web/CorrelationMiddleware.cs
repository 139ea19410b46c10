using Opside.Hosting.Diagnostics;
using Serilog.Context;

namespace Opside.Hosting.Web;

/// <summary>Accepts or generates <c>X-Correlation-ID</c>, echoes it, and hands it to the logs and to Orleans.</summary>
public sealed class CorrelationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[Correlation.HeaderName].ToString();
        var id = Correlation.IsAcceptable(supplied) ? supplied : Correlation.NewId();

        // Kept apart from TraceIdentifier, which stays server-generated: a caller may choose this id.
        context.Items[Correlation.PropertyName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Correlation.HeaderName] = id;
            return Task.CompletedTask;
        });

        // RequestContext is async-local: grain calls made while handling this request carry the id.
        RequestContext.Set(Correlation.PropertyName, id);
        try
        {
            using (LogContext.PushProperty(Correlation.PropertyName, id))
            {
                await next(context);
            }
        }
        finally
        {
            RequestContext.Remove(Correlation.PropertyName);
        }
    }
}
