namespace Opside.Grains.Billing;

/// <summary>
/// What an invoice run made (docs/billing.md, "Invoices"): one invoice per currency with items not invoiced yet; the
/// first is the answer's <see cref="InvoiceId"/>. No items to invoice is <c>NothingToInvoice</c> and no invoice.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.billing.invoice-run")]
public sealed record InvoiceRunResult(
    [property: Id(0)] string? InvoiceId,
    [property: Id(1)] string Status,
    [property: Id(2)] IReadOnlyList<RunInvoice> Invoices)
{
    public const string NothingToInvoice = "NothingToInvoice";
}

[GenerateSerializer, Immutable, Alias("opside.billing.run-invoice")]
public sealed record RunInvoice([property: Id(0)] string Id, [property: Id(1)] string Currency, [property: Id(2)] string Status);

/// <summary>The statuses of an invoice as Opside shows them; each only moves forward (Paid is final).</summary>
public static class InvoiceStatuses
{
    public const string Draft = "Draft";
    public const string Open = "Open";
    public const string PastDue = "PastDue";
    public const string Paid = "Paid";

    /// <summary>The order statuses move in, so a late or replayed event can never move one back.</summary>
    public static int Rank(string status) => status switch
    {
        Draft => 0,
        Open => 1,
        PastDue => 2,
        Paid => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an invoice status."),
    };
}
