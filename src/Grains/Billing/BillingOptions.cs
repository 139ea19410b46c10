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

    /// <summary>The day of the month (1–28, UTC) the monthly invoice runs on, for the months before it.</summary>
    public int InvoiceDay { get; set; } = 1;

    /// <summary>Where Stripe Checkout sends the seller back after saving a card (or giving up).</summary>
    public Uri PaymentMethodReturnUrl { get; set; } = new("http://localhost:5080/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BillingTerms.IsRate(DefaultRate))
            yield return new ValidationResult($"{Section}:DefaultRate must be above 0 and at most 1 with at most 4 decimals, got {DefaultRate}.");
        if (InvoiceDay is < 1 or > 28)
            yield return new ValidationResult($"{Section}:InvoiceDay must be a day from 1 to 28 (every month has it), got {InvoiceDay}.");
        if (!PaymentMethodReturnUrl.IsAbsoluteUri)
            yield return new ValidationResult($"{Section}:PaymentMethodReturnUrl must be an absolute URL, got {PaymentMethodReturnUrl}.");
    }
}
