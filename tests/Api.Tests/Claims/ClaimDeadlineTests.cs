using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Opside.DataPlane.Rows;
using Opside.DataPlane.Storage;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// Deadlines on a fake clock (docs/claim-workflow.md, "Deadlines"): a Claimable claim is dueSoon in the last 7 days of
/// its window, still Claimable on the closing day, and Expired by the seller's daily reminder the day after, without
/// any request or new data.
/// </summary>
public sealed class ClaimDeadlineTests
{
    private static readonly DateOnly Loss = new(2026, 9, 1);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(0, 1)), TimeSpan.Zero);

    private static async IAsyncEnumerable<IReadOnlyList<T>> Batch<T>(params T[] rows)
    {
        await Task.Yield();
        yield return rows;
    }

    [Fact]
    public async Task The_daily_reminder_keeps_a_claim_claimable_through_its_last_day_due_soon_for_a_week_then_expires_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(At(Loss.AddDays(50)));
        await using var api = new OpsideApiFactory();
        await using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var store = factory.Services.GetRequiredService<IDataPlaneStore>();
        var sellerId = "deadline-" + Guid.NewGuid().ToString("N")[..12];
        // Two units lost on the first of September (window 45 to 60 days: 2026-10-16 to 2026-10-31), and one
        // unrelated reimbursement, so the losses are not withheld for want of a reimbursements report.
        await store.ReplaceLedgerAsync(sellerId, Loss, Loss, Batch(new LedgerEvent(Loss, "X00DEADLN1", "B0DEADLN01", "DL-1", "Deadline mug", "Adjustments",
            "40011", -2, "PHX7", "SELLABLE", "M", "US", null, null, null, "")), ct);
        var paidAt = new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);
        await store.ReplaceReimbursementsAsync(sellerId, paidAt.AddDays(-1), paidAt.AddDays(1), Batch(new ReimbursementRow(paidAt, "2900000001", "", "111-0000000-0000001",
            "CustomerServiceIssue", "DL-2", "X00OTHER01", "B0OTHER001", "Other", "New", "USD", 5m, 5m, 1, 0, 1, "", "")), ct);
        var claims = grains.GetGrain<ISellerClaimsGrain>(sellerId);
        var reader = grains.GetGrain<IClaimsReaderGrain>(0);

        Assert.Equal(1, (await claims.DetectAsync()).Claims);
        var claim = Assert.Single((await reader.ListAsync(new ClaimFilter(sellerId), 1, 50)).Items);
        Assert.Equal(new DateOnly(2026, 10, 31), claim.WindowCloses);
        var reminder = await factory.Services.GetRequiredService<IReminderTable>().ReadRow(claims.GetGrainId(), "reevaluate", ct);
        Assert.NotNull(reminder);

        async Task<Claim> OnAsync(DateOnly day)
        {
            clock.SetUtcNow(At(day));
            // What the daily reminder calls (the seller's claims grain registered it when it detected).
            await claims.AsReference<IRemindable>().ReceiveReminder("reevaluate", new TickStatus(At(Loss.AddDays(51)).UtcDateTime, TimeSpan.FromDays(1), At(day).UtcDateTime));
            return Assert.Single((await reader.ListAsync(new ClaimFilter(sellerId), 1, 50)).Items);
        }

        var eightDaysLeft = await OnAsync(new DateOnly(2026, 10, 23));
        var sevenDaysLeft = await OnAsync(new DateOnly(2026, 10, 24));
        var closingDay = await OnAsync(new DateOnly(2026, 10, 31));
        var dueSoonList = await reader.ListAsync(new ClaimFilter(sellerId, DueSoon: true), 1, 50);
        var dayAfter = await OnAsync(new DateOnly(2026, 11, 1));

        Assert.Equal((ClaimStatus.Claimable, false), (eightDaysLeft.Status, eightDaysLeft.DueSoon));
        Assert.Equal((ClaimStatus.Claimable, true), (sevenDaysLeft.Status, sevenDaysLeft.DueSoon));
        Assert.Equal((ClaimStatus.Claimable, true), (closingDay.Status, closingDay.DueSoon));
        Assert.Single(dueSoonList.Items);
        Assert.Equal((ClaimStatus.Expired, false), (dayAfter.Status, dayAfter.DueSoon));
        var expired = dayAfter.History[^1];
        Assert.Equal((ClaimStatus.Claimable, ClaimStatus.Expired, "clock"), (expired.From, expired.To, expired.By));
        Assert.Equal(At(new DateOnly(2026, 11, 1)), expired.At);
        Assert.Equal(0, (await reader.SummarizeAsync(sellerId)).DueSoon);
    }
}
