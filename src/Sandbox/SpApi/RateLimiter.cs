using System.Globalization;
using Microsoft.Extensions.Options;

namespace Opside.Sandbox.SpApi;

/// <summary>Amazon's token bucket per (selling partner, operation): a bucket of Burst tokens refilled at Rate per second.</summary>
public sealed class RateLimiter(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly Dictionary<(string Partner, string Operation), (double Tokens, DateTimeOffset At)> _buckets = [];

    public (double Rate, int Burst) LimitsOf(SpApiOperation operation)
    {
        var sandbox = options.Value;
        sandbox.RateLimits.TryGetValue(operation.Name, out var overrides);
        return (overrides?.Rate ?? operation.Rate * sandbox.RateLimitScale, overrides?.Burst ?? operation.Burst);
    }

    /// <summary>The rate as x-amzn-RateLimit-Limit prints it.</summary>
    public string Header(SpApiOperation operation) => LimitsOf(operation).Rate.ToString("0.0###", CultureInfo.InvariantCulture);

    public bool TryTake(string sellingPartnerId, SpApiOperation operation)
    {
        var (rate, burst) = LimitsOf(operation);
        var now = time.GetUtcNow();
        lock (_buckets)
        {
            var key = (sellingPartnerId, operation.Name);
            var (tokens, at) = _buckets.TryGetValue(key, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + ((now - at).TotalSeconds * rate));
            if (tokens < 1)
            {
                _buckets[key] = (tokens, now);
                return false;
            }

            _buckets[key] = (tokens - 1, now);
            return true;
        }
    }
}
