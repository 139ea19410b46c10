using Opside.DataPlane.Billing;

namespace Opside.Storage.Billing;

/// <summary>The argument checks and SQL both billing ledgers share.</summary>
internal static class LedgerChecks
{
    public const string Columns =
        "seller_id, entry_key, kind, claim_id, case_id, reimbursement_id, reversed_reimbursement_id, approved_at, currency, cash, "
        + "inventory_units, unit_value, rate, commission, recorded_at, state, stripe_invoice_item_id, stripe_invoice_id";

    /// <summary>Larger statements are paged: a page of a month is at most this many entries.</summary>
    public const int MaxPage = 1_000;

    public static void RequireEntries(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
            RequireEntry(entry);
    }

    private static void RequireEntry(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.SellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.EntryKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ClaimId);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Currency);
        if (!LedgerKinds.All.Contains(entry.Kind))
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "A ledger entry is a Charge or a Credit.");
        if (!LedgerStates.All.Contains(entry.State))
            throw new ArgumentOutOfRangeException(nameof(entry), entry.State, "Not a ledger state.");
        if (entry.Kind == LedgerKinds.Charge ? entry.Commission <= 0 : entry.Commission >= 0)
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Commission, "A charge is positive and a credit negative.");
    }

    public static void RequirePage(string sellerId, DateTimeOffset from, DateTimeOffset until, int offset, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, until);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
    }
}
