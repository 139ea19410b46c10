using System.ComponentModel.DataAnnotations;

namespace Opside.Api.Accounts;

/// <summary>The ops user created at start-up when both values are set. Bound from <c>Auth:BootstrapOps</c>.</summary>
public sealed class BootstrapOpsOptions
{
    public const string Section = "Auth:BootstrapOps";

    public string? Email { get; set; }

    /// <summary>A secret: give it through the environment, never in appsettings.</summary>
    public string? Password { get; set; }
}

/// <summary>How many failed sign-ins lock an account, and for how long. Bound from <c>Auth:Lockout</c>.</summary>
public sealed class LockoutOptions : IValidatableObject
{
    public const string Section = "Auth:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailedAttempts is < 1 or > 100)
            yield return new ValidationResult($"{Section}:MaxFailedAttempts must be between 1 and 100, got {MaxFailedAttempts}.");
        if (Duration <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:Duration must be positive, got {Duration}.");
    }
}
