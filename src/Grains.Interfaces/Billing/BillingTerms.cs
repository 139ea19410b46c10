namespace Opside.Grains.Billing;

/// <summary>
/// How a seller is billed (docs/billing.md, "What is billable"): the commission rate on what Opside recovered, and
/// whether reimbursed inventory units count at the claim's unit value.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.billing.terms")]
public sealed record BillingTerms([property: Id(0)] decimal Rate, [property: Id(1)] bool ChargeOnInventory)
{
    public const decimal DefaultRate = 0.20m;

    public static BillingTerms Default { get; } = new(DefaultRate, ChargeOnInventory: true);

    /// <summary>A rate is a share above 0 and at most 1, to 4 decimals (0.1875 is 18.75 %).</summary>
    public static bool IsRate(decimal rate) => rate is > 0m and <= 1m && decimal.Round(rate, 4) == rate;
}
