namespace Opside.DataPlane.Billing;

/// <summary>
/// Billing accounts and the Stripe events applied to them (PostgreSQL migration 0015, SQLite schema 12;
/// docs/billing.md, "Webhooks"). An event id is recorded once, after its effect, so a replay is recognised and a
/// crash before the record only repeats an effect that is safe to repeat. Every read is bounded by a limit.
/// </summary>
public interface IBillingAccounts
{
    /// <summary>Writes the seller's account as it is now.</summary>
    Task UpsertAsync(BillingAccount account, CancellationToken cancellationToken);

    /// <summary>The accounts in <paramref name="status"/>, by seller id, a page of them.</summary>
    Task<IReadOnlyList<BillingAccount>> ListAsync(string status, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the Stripe event <paramref name="eventId"/> was applied already.</summary>
    Task<bool> HasEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Records the Stripe event as applied to the seller's account; false when it was recorded before.</summary>
    Task<bool> RecordEventAsync(string eventId, string sellerId, string type, DateTimeOffset appliedAt, CancellationToken cancellationToken);
}
