namespace Opside.Grains.Amazon.SpApi;

/// <summary>Bound from <c>Amazon:Http</c>.</summary>
public sealed class SpApiHttpOptions
{
    /// <summary>One attempt's limit, counted after the rate-limit wait.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a 429, a 5xx, a timeout or a broken connection, with exponential backoff and jitter.</summary>
    public int RetryAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a region's circuit stays open after Amazon keeps failing there.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (AttemptTimeout <= TimeSpan.Zero)
            yield return $"Http:AttemptTimeout must be positive, got {AttemptTimeout}.";
        if (RetryAttempts is < 0 or > 20)
            yield return $"Http:RetryAttempts must be between 0 and 20, got {RetryAttempts}.";
        if (RetryBaseDelay < TimeSpan.Zero)
            yield return $"Http:RetryBaseDelay must not be negative, got {RetryBaseDelay}.";
        if (CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
            yield return $"Http:CircuitBreakDuration must be at least 00:00:00.5, got {CircuitBreakDuration}.";
    }
}
