using System.Globalization;

namespace Opside.Grains.Billing;

/// <summary>
/// When the monthly invoice is due (docs/billing.md, "Invoices"): once a month, on the first daily reminder tick on or
/// after <c>Billing:InvoiceDay</c>. A tick that failed leaves the month undone, so the next day's tick tries again.
/// </summary>
public static class MonthlyInvoiceSchedule
{
    public static string MonthOf(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsDue(string? lastRunMonth, DateTimeOffset now, int invoiceDay) =>
        now.UtcDateTime.Day >= invoiceDay && !string.Equals(lastRunMonth, MonthOf(now), StringComparison.Ordinal);
}
