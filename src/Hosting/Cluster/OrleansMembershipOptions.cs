using System.ComponentModel.DataAnnotations;

namespace Opside.Hosting.Cluster;

/// <summary>
/// How fast the cluster declares a silo dead (bound from <c>Orleans:Membership</c>). A silo is suspected after
/// <see cref="MissedProbesLimit"/> probes of <see cref="ProbeTimeout"/> go unanswered and dead once the silos probing
/// it agree, about 10–20 s for a killed process: until then calls to its grains are refused, after it the grains
/// reactivate elsewhere (docs/operations.md, "Losing a silo"). Shorter declares a silo stalled by a GC pause or a
/// starved node dead too, which costs more than the wait.
/// </summary>
public sealed class OrleansMembershipOptions : IValidatableObject
{
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How long a dead silo's row stays in the membership table, for diagnosis; pods churn, so a day, not Orleans' week.</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string section = OrleansHostingOptions.Section + ":Membership";
        if (ProbeTimeout < TimeSpan.FromSeconds(1) || ProbeTimeout > TimeSpan.FromMinutes(1))
            yield return new ValidationResult($"{section}:ProbeTimeout must be between 00:00:01 and 00:01:00, got {ProbeTimeout}.", [nameof(ProbeTimeout)]);
        if (MissedProbesLimit is < 1 or > 10)
            yield return new ValidationResult($"{section}:MissedProbesLimit must be between 1 and 10, got {MissedProbesLimit}.", [nameof(MissedProbesLimit)]);
        if (DefunctSiloExpiration < TimeSpan.FromHours(1))
            yield return new ValidationResult($"{section}:DefunctSiloExpiration must be at least 01:00:00, got {DefunctSiloExpiration}.", [nameof(DefunctSiloExpiration)]);
    }
}
