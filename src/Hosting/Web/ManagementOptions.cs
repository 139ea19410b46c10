using System.ComponentModel.DataAnnotations;

namespace Opside.Hosting.Web;

/// <summary>
/// The second HTTP port that serves <c>/metrics</c> (and the health probes) to the cluster's scraper, never the
/// public API. Bound from <c>Management</c>. Unset: no port is opened and <c>/metrics</c> is served nowhere.
/// </summary>
public sealed class ManagementOptions : IValidatableObject
{
    public const string Section = "Management";

    public int? Port { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Port is < 1 or > 65535)
            yield return new ValidationResult($"{Section}:Port must be a TCP port (1-65535), got {Port}.");
    }
}
