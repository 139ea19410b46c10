namespace Opside.Grains.Billing;

/// <summary>
/// Bound from <c>Stripe</c> (docs/billing.md, "Stripe"): secrets from configuration only, never logged. Without a
/// secret key (the embedded default) the ledger still records everything and statements say Stripe is not configured.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's own API unless set, so that a local fake can stand in.</summary>
    public Uri? ApiBase { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(SecretKey);
}
