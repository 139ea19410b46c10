namespace Opside.Storage.DataPlane;

/// <summary>
/// A <see cref="DateTimeOffset"/> is stored as its instant plus the offset it carried, in minutes: the instant
/// alone (timestamptz, or UTC microseconds in SQLite) sorts and compares, the offset makes it read back equal.
/// Both stores keep microseconds, PostgreSQL's precision, so they give back the same value for the same input.
/// </summary>
internal static class DataPlaneTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static short OffsetMinutes(DateTimeOffset value) => checked((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>
    /// A range's end rounded up to a whole microsecond. Both stores drop the ticks below a microsecond, so an end one
    /// tick past a row (as an upload or fetch gives, to include its last row) would otherwise fall on that row's own
    /// microsecond, and <c>&lt; end</c> would leave the row to be duplicated by the rows replacing it.
    /// </summary>
    public static DateTimeOffset RangeEnd(DateTimeOffset value)
    {
        var below = value.UtcTicks % TicksPerMicrosecond;
        return below == 0 || DateTimeOffset.MaxValue.UtcTicks - value.UtcTicks < TicksPerMicrosecond - below
            ? value
            : value.AddTicks(TicksPerMicrosecond - below);
    }

    public static DateTimeOffset FromUnixMicroseconds(long microseconds, long offsetMinutes) =>
        new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero)
            .ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    /// <summary>From a timestamptz read as a UTC <see cref="DateTime"/> and its stored offset.</summary>
    public static DateTimeOffset FromUtc(DateTime utc, short offsetMinutes) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
