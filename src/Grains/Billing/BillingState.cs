namespace Opside.Grains.Billing;

[GenerateSerializer, Alias("opside.billing.state")]
public sealed class BillingState
{
    /// <summary>The rate ops set for the seller; null bills at <see cref="BillingOptions.DefaultRate"/>.</summary>
    [Id(0)] public decimal? Rate { get; set; }
}
