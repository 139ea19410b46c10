namespace Opside.Grains.Amazon;

/// <summary>
/// Amazon's own algorithm on our side of the wire: a bucket of <c>burst</c> tokens refilled at <c>rate</c> per
/// second, one token per request, so Opside waits instead of drawing 429s. Time comes from a TimeProvider.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        (RatePerSecond, Burst, _time) = (ratePerSecond, burst, time);
        _tokens = burst;
        _lastRefill = time.GetTimestamp();
    }

    public double RatePerSecond { get; private set; }

    public int Burst { get; }

    /// <summary>Waits until a token is free and takes it.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / RatePerSecond);
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Follows the rate Amazon says applies (<c>x-amzn-RateLimit-Limit</c>); the burst stays as documented.</summary>
    public void AdjustRate(double ratePerSecond)
    {
        if (ratePerSecond <= 0 || double.IsNaN(ratePerSecond) || double.IsInfinity(ratePerSecond))
            return;
        lock (_gate)
        {
            Refill();
            RatePerSecond = ratePerSecond;
        }
    }

    /// <summary>After a 429 Amazon's bucket is empty, whatever ours says: start from empty too.</summary>
    public void Drain()
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, 0);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(Burst, _tokens + elapsed * RatePerSecond);
    }
}
