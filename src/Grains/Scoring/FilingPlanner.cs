using System.Globalization;
using Opside.Grains.Claims;

namespace Opside.Grains.Scoring;

/// <summary>
/// A week's filing plan from a seller's Claimable claims (docs/model-card.md, "Filing plan"). Amazon penalises accounts
/// that file many weak claims and windows are short, so: the windows that close first go first, then the most expected
/// recovery, then the id; a claim whose window has closed by the planned day, one below the threshold (or not scored:
/// its chance is unknown) and one of unknown value are left out, and so is every claim past the cap.
/// </summary>
public static class FilingPlanner
{
    /// <summary>The left-out claims a plan names; a seller may have thousands, all counted.</summary>
    public const int MaxLeftOut = 200;

    public static FilingPlan Plan(IReadOnlyList<Claim> claimable, string week, DateOnly plannedFor, int cap, double threshold)
    {
        ArgumentNullException.ThrowIfNull(claimable);
        var items = new List<FilingPlanItem>();
        var leftOut = new List<FilingLeftOut>();
        var leftOutCount = 0;
        var ordered = claimable
            .OrderBy(c => c.WindowCloses)
            .ThenByDescending(c => c.Score?.ExpectedRecovery?.Amount ?? -1m)
            .ThenBy(c => c.Id, StringComparer.Ordinal);
        foreach (var claim in ordered)
        {
            var reason = claim switch
            {
                _ when claim.WindowCloses < plannedFor => "WindowClosed",
                { Score: null } => "BelowThreshold",
                _ when claim.Score.ApprovalProbability < threshold => "BelowThreshold",
                { EstimatedValue: null } => "ValueUnknown",
                _ when items.Count >= cap => "CapReached",
                _ => null,
            };
            if (reason is null)
            {
                items.Add(Item(claim, plannedFor));
                continue;
            }

            leftOutCount++;
            if (leftOut.Count < MaxLeftOut)
                leftOut.Add(new FilingLeftOut(claim.Id, reason));
        }

        return new FilingPlan(week, cap, threshold, plannedFor, items, leftOut, leftOutCount);
    }

    private static FilingPlanItem Item(Claim claim, DateOnly plannedFor)
    {
        var score = claim.Score!;
        var daysLeft = claim.WindowCloses.DayNumber - plannedFor.DayNumber;
        var recovery = score.ExpectedRecovery;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{(daysLeft == 0 ? "window closes that day" : daysLeft == 1 ? "1 day left in the window" : $"{daysLeft} days left in the window")}; "
            + $"expected recovery {recovery!.Amount:0.00} {recovery.Currency} at {score.ApprovalProbability:P0} approval");
        return new FilingPlanItem(claim.Id, claim.Type, claim.WindowCloses, daysLeft, recovery, score.ApprovalProbability, reason);
    }
}
