namespace Opside.DataPlane.Billing;

/// <summary>
/// A seller's billing account as ops list it (docs/billing.md, "Stripe"): its status, the Stripe customer that pays,
/// and when either last changed. The seller's billing grain writes it; the grain's own state is the truth.
/// </summary>
public sealed record BillingAccount(string SellerId, string Status, string? CustomerId, DateTimeOffset UpdatedAt);

/// <summary>The billing statuses: no card saved yet, paying, or an invoice Stripe could not charge.</summary>
public static class BillingStatuses
{
    public const string NoPaymentMethod = "NoPaymentMethod";
    public const string Active = "Active";
    public const string PastDue = "PastDue";

    public static IReadOnlyList<string> All { get; } = [NoPaymentMethod, Active, PastDue];
}
