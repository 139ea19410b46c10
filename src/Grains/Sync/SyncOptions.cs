using System.ComponentModel.DataAnnotations;

namespace Opside.Grains.Sync;

/// <summary>Bound from <c>Sync</c>: how often and how far back a seller's Amazon data is fetched.</summary>
public sealed class SyncOptions : IValidatableObject
{
    public const string Section = "Sync";

    /// <summary>The reminder period; Orleans reminders need at least a minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The first sync goes back this many calendar months: Amazon keeps 18 months of ledger.</summary>
    public int HistoryMonths { get; set; } = 18;

    /// <summary>Later syncs re-fetch this much before where the last one ended, because recent rows still change.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromDays(45);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromMinutes(1))
            yield return new ValidationResult($"{Section}:Interval must be at least 00:01:00 (the shortest reminder), got {Interval}.");
        if (HistoryMonths is < 1 or > 120)
            yield return new ValidationResult($"{Section}:HistoryMonths must be between 1 and 120, got {HistoryMonths}.");
        if (Overlap < TimeSpan.Zero || Overlap > TimeSpan.FromDays(365))
            yield return new ValidationResult($"{Section}:Overlap must be between 0 and 365.00:00:00, got {Overlap}.");
    }
}
