using Opside.DataPlane.Billing;

namespace Opside.Grains.Billing;

[GenerateSerializer, Alias("opside.billing.state")]
public sealed class BillingState
{
    /// <summary>The rate ops set for the seller; null bills at <see cref="BillingOptions.DefaultRate"/>.</summary>
    [Id(0)] public decimal? Rate { get; set; }

    /// <summary>The seller's Stripe customer, once created.</summary>
    [Id(1)] public string? CustomerId { get; set; }

    /// <summary>The card Stripe charges invoices to, as the latest customer event said.</summary>
    [Id(2)] public string? PaymentMethodId { get; set; }

    /// <summary>Stripe's time of the event that last set <see cref="PaymentMethodId"/>: an older event never overwrites it.</summary>
    [Id(3)] public DateTimeOffset? PaymentMethodAt { get; set; }

    [Id(4)] public List<InvoiceRecord> Invoices { get; set; } = [];

    /// <summary>The number of the next invoice run; a run's invoices' idempotency keys derive from it.</summary>
    [Id(5)] public int NextRun { get; set; } = 1;

    /// <summary>An invoice run begun and not finished; it is finished, with the same keys, before anything else is pushed.</summary>
    [Id(6)] public InvoiceRun? Run { get; set; }

    /// <summary>The month (<c>yyyy-MM</c>) whose scheduled invoice run has been done.</summary>
    [Id(7)] public string? LastMonthlyRun { get; set; }

    [Id(8)] public bool ReminderRegistered { get; set; }

    /// <summary>PastDue while any invoice is; otherwise Active once a card is saved.</summary>
    public string Status => Invoices.Any(i => i.Status == InvoiceStatuses.PastDue) ? BillingStatuses.PastDue
        : PaymentMethodId is null ? BillingStatuses.NoPaymentMethod
        : BillingStatuses.Active;
}

[GenerateSerializer, Alias("opside.billing.invoice-record")]
public sealed class InvoiceRecord
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Currency { get; init; }

    [Id(2)] public string Status { get; set; } = InvoiceStatuses.Draft;

    [Id(3)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The months (<c>yyyy-MM</c>) whose entries are on it: the statement of each shows it.</summary>
    [Id(4)] public List<string> Months { get; set; } = [];

    /// <summary>Moves the status forward only, so a late or replayed event cannot undo a later one.</summary>
    public bool Advance(string status)
    {
        if (InvoiceStatuses.Rank(status) <= InvoiceStatuses.Rank(Status))
            return false;
        Status = status;
        return true;
    }
}

[GenerateSerializer, Alias("opside.billing.invoice-run-state")]
public sealed class InvoiceRun
{
    [Id(0)] public int Number { get; init; }

    /// <summary>The currencies still to invoice in this run.</summary>
    [Id(1)] public List<string> Currencies { get; set; } = [];
}
