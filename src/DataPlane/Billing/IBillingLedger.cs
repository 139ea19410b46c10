namespace Opside.DataPlane.Billing;

/// <summary>
/// The billing ledger (PostgreSQL migration 0014, SQLite schema 11; docs/billing.md, "Ledger"). Two providers, one
/// contract: entries are written once by key and only their Stripe state moves afterwards, so a retried or repeated
/// reconciliation never bills twice. Every read is bounded by a limit.
/// </summary>
public interface IBillingLedger
{
    /// <summary>Records the entries not recorded yet (by seller and key); answers how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// The seller's entries in <paramref name="currency"/> approved in [<paramref name="from"/>, <paramref name="until"/>),
    /// oldest first, a page of them.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, string currency, int offset, int limit,
        CancellationToken cancellationToken);

    /// <summary>The totals per currency of the same entries <see cref="ListAsync"/> pages through.</summary>
    Task<IReadOnlyList<LedgerTotal>> TotalsAsync(string sellerId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The seller's entries not yet pushed to Stripe, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> PendingAsync(string sellerId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a pending entry as the Stripe invoice item <paramref name="invoiceItemId"/>; false when it is not pending.</summary>
    Task<bool> MarkPushedAsync(string sellerId, string entryKey, string invoiceItemId, CancellationToken cancellationToken);

    /// <summary>The currencies of the seller's entries pushed to Stripe and on no invoice yet.</summary>
    Task<IReadOnlyList<string>> UninvoicedCurrenciesAsync(string sellerId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the seller's pushed entries in <paramref name="currency"/> on the invoice <paramref name="invoiceId"/>, and answers
    /// the months (<c>yyyy-MM</c>, UTC) of approval of every entry on it, those put there before included, so a retry answers alike.
    /// </summary>
    Task<IReadOnlyList<string>> MarkInvoicedAsync(string sellerId, string currency, string invoiceId, CancellationToken cancellationToken);

    /// <summary>Marks the entries on the invoice <paramref name="invoiceId"/> paid; answers how many moved.</summary>
    Task<int> MarkPaidAsync(string sellerId, string invoiceId, CancellationToken cancellationToken);
}
