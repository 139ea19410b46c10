using Opside.Grains.Billing;

namespace Opside.Api.Tests.Billing;

/// <summary>The monthly invoice is due on the first daily tick on or after the invoice day, once a month (docs/billing.md, "Invoices").</summary>
public sealed class MonthlyInvoiceScheduleTests
{
    private static readonly DateTimeOffset December3 = new(2026, 12, 3, 0, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Due_from_the_invoice_day_until_the_month_is_done()
    {
        Assert.True(MonthlyInvoiceSchedule.IsDue(null, December3, 1));
        Assert.True(MonthlyInvoiceSchedule.IsDue("2026-11", December3, 3));
        Assert.False(MonthlyInvoiceSchedule.IsDue("2026-11", December3, 4));
        Assert.False(MonthlyInvoiceSchedule.IsDue("2026-12", December3, 1));
        Assert.Equal("2026-12", MonthlyInvoiceSchedule.MonthOf(December3));
        Assert.Equal("2026-11", MonthlyInvoiceSchedule.MonthOf(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.FromHours(5))));
    }
}
