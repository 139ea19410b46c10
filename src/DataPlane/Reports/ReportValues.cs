using System.Globalization;

namespace Opside.DataPlane.Reports;

/// <summary>
/// Reads the values Amazon prints in its reports straight from the field's characters: the common shapes are parsed
/// by hand (a million-row ledger spends most of its time here), anything else goes to the framework's parsers.
/// </summary>
internal static class ReportValues
{
    private static readonly NumberFormatInfo CommaDecimal = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static bool TryParseInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>The ledger's <c>Date</c>: MM/DD/YYYY (single-digit month and day tolerated), or an ISO date.</summary>
    public static bool TryParseUsDate(ReadOnlySpan<char> s, out DateOnly value)
    {
        if (s.Length == 10 && s[2] == '/' && s[5] == '/'
            && TryDigits(s[..2], out var month) && TryDigits(s.Slice(3, 2), out var day) && TryDigits(s[6..], out var year)
            && IsDate(year, month, day))
        {
            value = new DateOnly(year, month, day);
            return true;
        }
        return DateOnly.TryParseExact(s.Trim(), UsDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static readonly string[] UsDateFormats = ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];

    /// <summary>
    /// ISO-8601 with an offset: <c>2026-05-12T09:59:13+00:00</c>, the ledger's <c>2026-07-06T00:00:00-0700</c>,
    /// <c>…Z</c>; a value without an offset (or a bare date) is UTC.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':'
            && TryDigits(s[..4], out var year) && TryDigits(s.Slice(5, 2), out var month) && TryDigits(s.Slice(8, 2), out var day)
            && TryDigits(s.Slice(11, 2), out var hour) && TryDigits(s.Slice(14, 2), out var minute) && TryDigits(s.Slice(17, 2), out var second)
            && IsDate(year, month, day) && hour < 24 && minute < 60 && second < 60
            && TryOffset(s[19..], out var offset))
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
            return true;
        }
        return DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 0 || s is "Z")
        {
            return true;
        }
        if (s.Length is not (3 or 5 or 6) || (s[0] != '+' && s[0] != '-'))
        {
            return false;
        }
        var minutesPart = s.Length switch { 5 => s[3..], 6 when s[3] == ':' => s[4..], _ => "00" };
        if ((s.Length == 6 && s[3] != ':') || !TryDigits(s.Slice(1, 2), out var hours) || !TryDigits(minutesPart, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }
        return true;
    }

    /// <summary>
    /// An amount with a dot decimal (<c>-6.12</c>) or, as EU exports print it, a comma decimal (<c>4,10</c>). A lone
    /// comma followed by exactly three digits (<c>1,234</c>) could be either and is refused; with both separators the
    /// last one is the decimal separator.
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> s, out decimal value)
    {
        s = s.Trim();
        var lastComma = s.LastIndexOf(',');
        if (lastComma < 0)
        {
            return decimal.TryParse(s, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
        }
        var lastDot = s.LastIndexOf('.');
        if (lastDot > lastComma)
        {
            return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
        }
        if (lastDot < 0 && s.IndexOf(',') == lastComma && s.Length - lastComma - 1 == 3)
        {
            value = 0;
            return false;
        }
        return decimal.TryParse(s, NumberStyles.Number, CommaDecimal, out value);
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return s.Length > 0;
    }
}
