using System.ComponentModel.DataAnnotations;

namespace Opside.Grains.Billing;

/// <summary>Bound from <c>Billing</c>: the terms of a seller ops have not set (docs/billing.md, "What is billable").</summary>
public sealed class BillingOptions : IValidatableObject
{
    public const string Section = "Billing";

    /// <summary>Whether reimbursed inventory units are billed at the claim's unit value, as cash is.</summary>
    public bool ChargeOnInventory { get; set; } = true;

    /// <summary>The commission rate of a seller ops have not given one.</summary>
    public decimal DefaultRate { get; set; } = BillingTerms.DefaultRate;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BillingTerms.IsRate(DefaultRate))
            yield return new ValidationResult($"{Section}:DefaultRate must be above 0 and at most 1 with at most 4 decimals, got {DefaultRate}.");
    }
}
