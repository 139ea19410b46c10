namespace Opside.Sandbox.Synthetic;

/// <summary>
/// Amazon stamps ledger days at Pacific midnight. US rules since 2007: daylight time from the second Sunday of March
/// to the first Sunday of November, switching at 02:00, so midnight of either switch day still has the old offset.
/// Computed here because the container may carry no time zone database.
/// </summary>
public static class PacificTime
{
    public static TimeSpan OffsetAtMidnight(DateOnly day)
    {
        var start = NthSunday(day.Year, 3, 2);
        var end = NthSunday(day.Year, 11, 1);
        return day > start && day <= end ? TimeSpan.FromHours(-7) : TimeSpan.FromHours(-8);
    }

    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), OffsetAtMidnight(day));

    private static DateOnly NthSunday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(daysToSunday + (7 * (n - 1)));
    }
}
