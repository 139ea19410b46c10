namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Amazon's report-generation limits (bound from <c>Amazon:ReportCooldown</c>): near-real-time FBA reports at most
/// every 30 minutes, daily ones every 4 hours; asking sooner ends in CANCELLED or FATAL. Tests and sandboxes use 0.
/// </summary>
public sealed class ReportCooldownOptions
{
    public TimeSpan NearRealTime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Daily { get; set; } = TimeSpan.FromHours(4);

    internal IEnumerable<string> Validate()
    {
        if (NearRealTime < TimeSpan.Zero)
            yield return $"ReportCooldown:NearRealTime must not be negative, got {NearRealTime}.";
        if (Daily < TimeSpan.Zero)
            yield return $"ReportCooldown:Daily must not be negative, got {Daily}.";
    }
}
