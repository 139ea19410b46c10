using System.ComponentModel.DataAnnotations;

namespace Opside.Grains.Sync;

/// <summary>Bound from <c>Sync</c>: how often and how far back a seller's Amazon data is fetched.</summary>
public sealed class SyncOptions : IValidatableObject
{
    public const string Section = "Sync";

    /// <summary>The reminder period; Orleans reminders need at least a minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The first sync goes back this far: Amazon keeps 18 months of ledger.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(548);

    /// <summary>Later syncs re-fetch this much before where the last one ended, because recent rows still change.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromDays(45);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromMinutes(1))
            yield return new ValidationResult($"{Section}:Interval must be at least 00:01:00 (the shortest reminder), got {Interval}.");
        if (History < TimeSpan.FromDays(1))
            yield return new ValidationResult($"{Section}:History must be at least one day, got {History}.");
        if (Overlap < TimeSpan.Zero || Overlap > History)
            yield return new ValidationResult($"{Section}:Overlap must be between 0 and {Section}:History, got {Overlap}.");
    }
}
