using Opside.Grains.Claims;
using Opside.Grains.Scoring;

namespace Opside.Api.Tests.Scoring;

/// <summary>
/// The filing plan's rules on a fixed day (docs/model-card.md, "Filing plan"): soonest window first, then the most
/// expected recovery; the cap, the threshold, unknown values and windows closed by the planned day left out, each
/// with its reason; the left-out list bounded and counted.
/// </summary>
public sealed class FilingPlannerTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 9);

    private static Claim Claimable(string id, int closesIn, double probability, decimal? value, bool scored = true) => new(
        id, "seller-plan", "WarehouseLost", ClaimStatus.Claimable, "X00" + id, "SKU-" + id, null, null, null, null,
        Wednesday.AddDays(-60), Wednesday.AddDays(-20), Wednesday.AddDays(closesIn), 1,
        value is { } v ? new ClaimMoney(v, "USD") : null, [], [],
        Score: scored
            ? new ClaimScoreView(probability, value is { } amount ? new ClaimMoney(Math.Round(amount * (decimal)probability, 2), "USD") : null, "m1", true, ["a", "b", "c"])
            : null);

    [Fact]
    public void Soonest_window_first_then_most_expected_recovery_within_the_cap_and_threshold()
    {
        Claim[] claims =
        [
            Claimable("late-rich", closesIn: 20, 0.9, 500m),
            Claimable("soon-small", closesIn: 3, 0.8, 10m),
            Claimable("soon-big", closesIn: 3, 0.8, 90m),
            Claimable("weak", closesIn: 1, 0.3, 900m),
            Claimable("unscored", closesIn: 2, 0, 50m, scored: false),
            Claimable("no-value", closesIn: 4, 0.95, null),
            Claimable("closed", closesIn: -1, 0.99, 70m),
            Claimable("last-day", closesIn: 0, 0.6, 5m),
            Claimable("over-cap", closesIn: 30, 0.7, 40m),
        ];

        var plan = FilingPlanner.Plan(claims, "2026-W50", Wednesday, cap: 4, threshold: 0.5);

        Assert.Equal(["last-day", "soon-big", "soon-small", "late-rich"], plan.Items.Select(i => i.ClaimId));
        Assert.Equal([0, 3, 3, 20], plan.Items.Select(i => i.DaysLeft));
        Assert.Equal(
            [("closed", "WindowClosed"), ("weak", "BelowThreshold"), ("unscored", "BelowThreshold"), ("no-value", "ValueUnknown"), ("over-cap", "CapReached")],
            plan.LeftOut.Select(l => (l.ClaimId, l.Reason)));
        Assert.Equal(5, plan.LeftOutCount);
        Assert.Equal((4, 0.5, Wednesday, "2026-W50"), (plan.Cap, plan.Threshold, plan.PlannedFor, plan.Week));
        Assert.Equal(72.00m, plan.Items[1].ExpectedRecovery!.Amount);
        Assert.Equal("3 days left in the window; expected recovery 72.00 USD at 80 % approval", plan.Items[1].Reason);
        Assert.StartsWith("window closes that day", plan.Items[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Planned_for_a_later_day_a_window_closing_before_it_is_left_out()
    {
        var claims = new[] { Claimable("closes-friday", closesIn: 2, 0.9, 30m), Claimable("closes-later", closesIn: 9, 0.9, 30m) };

        var nextMonday = FilingPlanner.Plan(claims, "2026-W51", Wednesday.AddDays(5), cap: 25, threshold: 0.5);

        Assert.Equal(["closes-later"], nextMonday.Items.Select(i => i.ClaimId));
        Assert.Equal(4, nextMonday.Items[0].DaysLeft);
        Assert.Equal([("closes-friday", "WindowClosed")], nextMonday.LeftOut.Select(l => (l.ClaimId, l.Reason)));
    }

    [Fact]
    public void The_left_out_list_is_bounded_and_every_claim_is_counted()
    {
        var claims = Enumerable.Range(0, FilingPlanner.MaxLeftOut + 50).Select(i => Claimable($"c{i:D4}", closesIn: 5, 0.1, 10m)).ToArray();

        var plan = FilingPlanner.Plan(claims, "2026-W50", Wednesday, cap: 25, threshold: 0.5);

        Assert.Empty(plan.Items);
        Assert.Equal(FilingPlanner.MaxLeftOut, plan.LeftOut.Count);
        Assert.Equal(FilingPlanner.MaxLeftOut + 50, plan.LeftOutCount);
    }
}
