using Opside.DataPlane.Billing;

namespace Opside.Storage.Billing;

/// <summary>What both account stores check before they touch the database.</summary>
internal static class AccountChecks
{
    public static void RequireAccount(BillingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.SellerId);
        if (!BillingStatuses.All.Contains(account.Status))
            throw new ArgumentException($"Unknown billing status '{account.Status}'.", nameof(account));
    }

    public static void RequirePage(string status, int offset, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, LedgerChecks.MaxPage);
    }

    public static void RequireEvent(string eventId, string sellerId, string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
    }
}
