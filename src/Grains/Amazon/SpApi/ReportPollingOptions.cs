namespace Opside.Grains.Amazon.SpApi;

/// <summary>Bound from <c>Amazon:ReportPolling</c>: getReport is polled with a growing delay until a deadline.</summary>
public sealed class ReportPollingOptions
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Amazon usually makes an FBA report in minutes; one still queued after this is given up for this run.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(45);

    internal IEnumerable<string> Validate()
    {
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
            yield return $"ReportPolling:InitialDelay must be between 0 and ReportPolling:MaxDelay, got {InitialDelay} and {MaxDelay}.";
        if (Deadline <= TimeSpan.Zero)
            yield return $"ReportPolling:Deadline must be positive, got {Deadline}.";
    }
}
