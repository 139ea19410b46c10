namespace Opside.Hosting.Web;

/// <summary>Response headers that stop sniffing, framing and injected content on every response.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The API answers JSON: nothing it returns may load or run anything.</summary>
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The API reference (/docs) and the Orleans dashboard are single-page apps with inline bootstrap
    // scripts and styles, so 'unsafe-inline' is allowed for those pages only; everything stays on this
    // origin. frame-src allows only blob: frames, which the reference's "Test Request" client uses to
    // preview a response body in a sandboxed iframe; only this origin's own script can mint a blob: URL.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly PathString[] Pages = ["/docs", DashboardEndpoints.RoutePrefix, "/signin"];

    public Task InvokeAsync(HttpContext context)
    {
        var policy = Pages.Any(p => context.Request.Path.StartsWithSegments(p)) ? PagePolicy : ApiPolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = policy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
