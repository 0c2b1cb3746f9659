namespace CinemaStats.Transform.Parsing;

/// <summary>
/// A fast path for the date and time shapes nearly every row uses: <c>yyyy-MM-dd</c>, and
/// <c>yyyy-MM-dd[T| ]HH:mm[:ss[.fffffff]][Z|±HH:mm]</c>, digit by digit. It only accepts what the
/// readers' format lists accept, with the same value; anything else returns false and the reader
/// falls back to <c>TryParseExact</c> with its formats, which decides (and words the rejection).
/// </summary>
public static class IsoDateTime
{
    /// <summary>The parts of a date-time: the wall clock, and the offset when one was written (<c>Z</c> is zero).</summary>
    public readonly record struct Parts(DateTime Local, TimeSpan? Offset, bool HasSeconds, bool HasFraction);

    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || !TryDate(text, out var year, out var month, out var day))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Parts parts)
    {
        parts = default;
        if (text.Length < 16 || !TryDate(text, out var year, out var month, out var day) || text[10] is not ('T' or ' ')
            || !TryTwo(text[11..], 23, out var hour) || text[13] != ':' || !TryTwo(text[14..], 59, out var minute))
        {
            return false;
        }
        var rest = text[16..];
        var (second, ticks, hasSeconds, hasFraction) = (0, 0L, false, false);
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!TryTwo(rest[1..], 59, out second))
            {
                return false;
            }
            hasSeconds = true;
            rest = rest[3..];
            if (rest.Length >= 2 && rest[0] == '.' && char.IsAsciiDigit(rest[1]))
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                {
                    digits++;
                }
                digits--;
                if (digits > 7)
                {
                    return false;
                }
                for (var i = 0; i < 7; i++)
                {
                    ticks = ticks * 10 + (i < digits ? rest[1 + i] - '0' : 0);
                }
                hasFraction = true;
                rest = rest[(1 + digits)..];
            }
        }
        TimeSpan? offset = null;
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && TryTwo(rest[1..], 14, out var offsetHours) && rest[3] == ':' && TryTwo(rest[4..], 59, out var offsetMinutes))
        {
            var magnitude = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (magnitude > TimeSpan.FromHours(14))
            {
                return false;
            }
            offset = rest[0] == '-' ? -magnitude : magnitude;
        }
        else if (rest.Length != 0)
        {
            return false;
        }
        // Years at the very ends of the range are left to the slow path, which knows their limits.
        if (year is < 2 or > 9998)
        {
            return false;
        }
        parts = new Parts(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks), offset, hasSeconds, hasFraction);
        return true;
    }

    private static bool TryDate(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        (year, month, day) = (0, 0, 0);
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }
        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            year = year * 10 + (text[i] - '0');
        }
        return year >= 1 && TryTwo(text[5..], 12, out month) && month >= 1
            && TryTwo(text[8..], 31, out day) && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryTwo(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        if (text.Length < 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
        {
            return false;
        }
        value = (text[0] - '0') * 10 + (text[1] - '0');
        return value <= max;
    }
}
