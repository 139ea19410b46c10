using System.Diagnostics;

namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// The innermost handler, run once per attempt: waits for the (seller, operation) token bucket, signs the
/// request with the seller's access token, applies the attempt timeout after the wait (a bucket wait of a
/// minute for createReport is not a slow Amazon), feeds the response's rate header back into the bucket, and
/// logs the call — operation, status, Amazon's request id and duration, never a token or a signed URL.
/// </summary>
public sealed class SpApiCallHandler(
    SpApiRateLimiter rateLimiter,
    LwaAccessTokens accessTokens,
    Microsoft.Extensions.Options.IOptions<AmazonOptions> options,
    ILogger<SpApiCallHandler> logger) : DelegatingHandler
{
    public const string AccessTokenHeader = "x-amz-access-token";
    public const string RequestIdHeader = "x-amzn-RequestId";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(SpApiCall.Key, out var call);
        var connection = call?.Connection;
        var operation = call?.Operation.Name ?? "downloadDocument";

        if (call is not null && connection is not null)
        {
            await rateLimiter.TakeAsync(connection.SellerId, call.Operation, cancellationToken);
            request.Headers.Remove(AccessTokenHeader);
            request.Headers.Add(AccessTokenHeader, await accessTokens.GetAsync(connection.SellerId, connection.RefreshToken, cancellationToken));
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.Http.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("SP-API {Operation} for seller {SellerId} timed out after {ElapsedMs} ms",
                operation, connection?.SellerId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new TimeoutException($"SP-API {operation} did not answer within {options.Value.Http.AttemptTimeout}.");
        }

        var status = (int)response.StatusCode;
        var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        if (call is not null && connection is not null)
        {
            var rate = response.Headers.TryGetValues(SpApiRateLimiter.RateLimitHeader, out var rates) ? rates.FirstOrDefault() : null;
            rateLimiter.Observe(connection.SellerId, call.Operation, status, rate);
        }

        logger.Log(status is 429 or >= 500 ? LogLevel.Warning : LogLevel.Information,
            "SP-API {Operation} for seller {SellerId} answered {Status} in {ElapsedMs:0} ms (request id {AmazonRequestId})",
            operation, connection?.SellerId, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
        return response;
    }
}
