namespace Opside.Grains.Claims;

/// <summary>When a claim must be filed (docs/claim-workflow.md, "Deadlines").</summary>
public static class ClaimDeadlines
{
    /// <summary>A Claimable claim whose window closes within this many days (today included) is due soon.</summary>
    public const int DueSoonDays = 7;

    public static bool IsDueSoon(ClaimStatus status, DateOnly windowCloses, DateOnly today) =>
        status == ClaimStatus.Claimable && windowCloses >= today && windowCloses.DayNumber - today.DayNumber <= DueSoonDays;

    /// <summary>The last window close that is due soon on <paramref name="today"/>.</summary>
    public static DateOnly DueSoonUntil(DateOnly today) => today.AddDays(DueSoonDays);
}
