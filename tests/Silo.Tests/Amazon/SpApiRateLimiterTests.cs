using Microsoft.Extensions.Time.Testing;
using Opside.Grains.Amazon;

namespace Opside.Silo.Tests.Amazon;

/// <summary>Token buckets per seller and operation, on a fake clock.</summary>
public sealed class SpApiRateLimiterTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_burst_goes_at_once_then_requests_wait_for_the_refill()
    {
        var ct = TestContext.Current.CancellationToken;
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 15, _time);

        for (var i = 0; i < 15; i++)
            Assert.True(bucket.TakeAsync(ct).IsCompletedSuccessfully);
        var sixteenth = bucket.TakeAsync(ct);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        var stillWaiting = sixteenth.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await sixteenth.WaitAsync(Settle, ct);

        Assert.False(stillWaiting);
        Assert.True(sixteenth.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Over_twenty_seconds_no_more_requests_pass_than_the_burst_plus_the_rate_allows()
    {
        var ct = TestContext.Current.CancellationToken;
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 15, _time);
        var start = _time.GetUtcNow();
        var end = start + TimeSpan.FromSeconds(20);
        var passed = 0;

        // One caller asking as fast as it can while the clock moves in 50 ms steps.
        var pending = bucket.TakeAsync(ct);
        while (_time.GetUtcNow() < end)
        {
            if (pending.IsCompleted)
            {
                passed++;
                pending = bucket.TakeAsync(ct);
                continue;
            }

            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(5), ct));
        }

        Assert.InRange(passed, 15 + (20 * 2) - 2, 15 + (20 * 2));
    }

    [Fact]
    public void Each_seller_and_operation_has_its_own_bucket()
    {
        var ct = TestContext.Current.CancellationToken;
        var limiter = new SpApiRateLimiter(_time);

        for (var i = 0; i < SpApiOperation.CreateReport.Burst; i++)
            Assert.True(limiter.TakeAsync("seller-a", SpApiOperation.CreateReport, ct).IsCompletedSuccessfully);

        Assert.False(limiter.TakeAsync("seller-a", SpApiOperation.CreateReport, ct).IsCompleted);
        Assert.True(limiter.TakeAsync("seller-b", SpApiOperation.CreateReport, ct).IsCompletedSuccessfully);
        Assert.True(limiter.TakeAsync("seller-a", SpApiOperation.GetReport, ct).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_rate_header_and_a_429_reshape_the_bucket()
    {
        var ct = TestContext.Current.CancellationToken;
        var limiter = new SpApiRateLimiter(_time);
        var bucket = limiter.BucketFor("seller-a", SpApiOperation.GetReport);

        limiter.Observe("seller-a", SpApiOperation.GetReport, 200, "0.5");
        limiter.Observe("seller-a", SpApiOperation.GetReport, 429, null);
        var next = limiter.TakeAsync("seller-a", SpApiOperation.GetReport, ct);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        var waitingAtHalfRate = next.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(Settle, ct);

        Assert.Equal(0.5, bucket.RatePerSecond);
        Assert.False(waitingAtHalfRate);
        limiter.Observe("seller-a", SpApiOperation.GetReport, 200, "not-a-number");
        Assert.Equal(0.5, bucket.RatePerSecond);
    }
}
