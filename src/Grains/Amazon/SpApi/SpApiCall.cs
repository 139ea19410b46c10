namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Rides on an <see cref="HttpRequestMessage"/> to tell <see cref="SpApiCallHandler"/> which seller and operation
/// it is, so every attempt (the first and each retry) takes a rate-limit token, carries a fresh access token and is
/// logged. A request without it (a pre-signed document download) goes out bare.
/// </summary>
public sealed record SpApiCall(SpApiConnection Connection, SpApiOperation Operation)
{
    public static readonly HttpRequestOptionsKey<SpApiCall> Key = new("opside.sp-api-call");
}
