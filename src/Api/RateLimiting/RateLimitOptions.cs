using System.ComponentModel.DataAnnotations;

namespace Opside.Api.RateLimiting;

/// <summary>Request budgets. Bound from <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Sign-up and sign-in requests per client address per window: slows password guessing.</summary>
    public int AuthPermitLimit { get; set; } = 20;

    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Amazon consent callbacks per client address per window. A real seller lands there once per connection;
    /// the budget bounds what a made-up state (or a crafted cookie) costs the cluster.
    /// </summary>
    public int ConsentCallbackPermitLimit { get; set; } = 10;

    /// <summary>
    /// Stripe's webhook deliveries per client address and window: generous, since Stripe sends bursts from few
    /// addresses, but bounded, since the route is anonymous and an unsigned flood still costs a signature check.
    /// </summary>
    public int StripeWebhookPermitLimit { get; set; } = 600;

    public TimeSpan StripeWebhookWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ConsentCallbackWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Registrations per client address per window, counted apart from sign-ins: a taken email answers 409, so this
    /// is what makes finding out which emails have accounts slow.
    /// </summary>
    public int RegisterPermitLimit { get; set; } = 10;

    public TimeSpan RegisterWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests per signed-in user per window, across the whole API.</summary>
    public int UserPermitLimit { get; set; } = 600;

    public TimeSpan UserWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AuthPermitLimit < 1)
            yield return new ValidationResult($"{Section}:AuthPermitLimit must be at least 1, got {AuthPermitLimit}.");
        if (ConsentCallbackPermitLimit < 1)
            yield return new ValidationResult($"{Section}:ConsentCallbackPermitLimit must be at least 1, got {ConsentCallbackPermitLimit}.");
        if (ConsentCallbackWindow <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:ConsentCallbackWindow must be positive.");
        if (StripeWebhookPermitLimit < 1)
            yield return new ValidationResult($"{Section}:StripeWebhookPermitLimit must be at least 1, got {StripeWebhookPermitLimit}.");
        if (StripeWebhookWindow <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:StripeWebhookWindow must be positive.");
        if (RegisterPermitLimit < 1)
            yield return new ValidationResult($"{Section}:RegisterPermitLimit must be at least 1, got {RegisterPermitLimit}.");
        if (RegisterWindow <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:RegisterWindow must be positive.");
        if (UserPermitLimit < 1)
            yield return new ValidationResult($"{Section}:UserPermitLimit must be at least 1, got {UserPermitLimit}.");
        if (AuthWindow <= TimeSpan.Zero || UserWindow <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:AuthWindow and {Section}:UserWindow must be positive.");
    }
}
