namespace Opside.Grains.Billing;

/// <summary>A page of sellers in one billing status (<c>NoPaymentMethod</c>, <c>Active</c>, <c>PastDue</c>), by seller id.</summary>
[GenerateSerializer, Immutable, Alias("opside.billing.account-page")]
public sealed record BillingAccountPage(
    [property: Id(0)] string Status,
    [property: Id(1)] IReadOnlyList<BillingAccountSummary> Items,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize);

[GenerateSerializer, Immutable, Alias("opside.billing.account-summary")]
public sealed record BillingAccountSummary(
    [property: Id(0)] string SellerId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] DateTimeOffset UpdatedAt);

/// <summary>Reads billing accounts across sellers for ops; any silo, any number of activations.</summary>
[Alias("opside.billing.accounts-reader")]
public interface IBillingAccountsReaderGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<BillingAccountPage> ListAsync(string status, int page, int pageSize);
}
