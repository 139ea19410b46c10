namespace Opside.Api.RateLimiting;

/// <summary>
/// The caller's address as rate limits and sign-in lockout see it: the connection's. Forwarded headers are not read
/// (any client could forge them), so behind a proxy it is the proxy's.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
