using System.Collections.Concurrent;
using System.Globalization;

namespace Opside.Grains.Amazon;

/// <summary>
/// One token bucket per (seller, operation): Amazon's limits apply per selling-partner account and app, so one
/// seller's sync never slows another's.
/// </summary>
public sealed class SpApiRateLimiter(TimeProvider time)
{
    public const string RateLimitHeader = "x-amzn-RateLimit-Limit";

    private readonly ConcurrentDictionary<(string SellerId, string Operation), TokenBucket> _buckets = new();

    public TokenBucket BucketFor(string sellerId, SpApiOperation operation) =>
        _buckets.GetOrAdd((sellerId, operation.Name), _ => new TokenBucket(operation.RatePerSecond, operation.Burst, time));

    public Task TakeAsync(string sellerId, SpApiOperation operation, CancellationToken cancellationToken) =>
        BucketFor(sellerId, operation).TakeAsync(cancellationToken);

    /// <summary>Applies what a response says: the current rate from its header, and an empty bucket after a 429.</summary>
    public void Observe(string sellerId, SpApiOperation operation, int statusCode, string? rateLimitHeader)
    {
        var bucket = BucketFor(sellerId, operation);
        if (double.TryParse(rateLimitHeader, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            bucket.AdjustRate(rate);
        if (statusCode == 429)
            bucket.Drain();
    }
}
