using System.ComponentModel.DataAnnotations;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

/// <summary>The ops user created at start-up when both values are set. Bound from <c>Auth:BootstrapOps</c>.</summary>
public sealed class BootstrapOpsOptions
{
    public const string Section = "Auth:BootstrapOps";

    public string? Email { get; set; }

    /// <summary>A secret: give it through the environment, never in appsettings.</summary>
    public string? Password { get; set; }
}

/// <summary>
/// How many failed sign-ins lock a client out of an account, or the whole account, and for how long (see
/// <see cref="LockoutPolicy"/>). Bound from <c>Auth:Lockout</c>.
/// </summary>
public sealed class LockoutOptions : IValidatableObject
{
    public const string Section = "Auth:Lockout";

    /// <summary>Failures from one client address that lock that client out of the account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The first lock of a client, and the length of an account-wide lock; a client's further locks double it.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures from all clients together that lock the account for clients that never signed in to it (not ops accounts).</summary>
    public int AccountMaxFailedAttempts { get; set; } = 50;

    /// <summary>The longest a doubled client lock lasts.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(1);

    public LockoutPolicy Policy() => new(MaxFailedAttempts, Duration, AccountMaxFailedAttempts, MaxDuration);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailedAttempts is < 1 or > 100)
            yield return new ValidationResult($"{Section}:MaxFailedAttempts must be between 1 and 100, got {MaxFailedAttempts}.");
        if (Duration <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:Duration must be positive, got {Duration}.");
        if (AccountMaxFailedAttempts < MaxFailedAttempts || AccountMaxFailedAttempts > 10_000)
            yield return new ValidationResult($"{Section}:AccountMaxFailedAttempts must be between {Section}:MaxFailedAttempts and 10000, got {AccountMaxFailedAttempts}.");
        if (MaxDuration < Duration)
            yield return new ValidationResult($"{Section}:MaxDuration must be at least {Section}:Duration, got {MaxDuration}.");
    }
}
