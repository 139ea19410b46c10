namespace Opside.Api.RateLimiting;

/// <summary>
/// The caller's address as rate limits and sign-in lockout see it. Behind a proxy it is the proxy's unless forwarded
/// headers are configured to restore the real client's.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
