using System.Globalization;

namespace CinemaStats.Transform.Pos;

/// <summary>How the POS source's numbers are read: as JSON numbers or strings, with a decimal point or a decimal comma.</summary>
internal static class PosNumbers
{
    /// <summary>
    /// The shape nearly every value has, <c>-?digits(.digits)?</c> in ASCII with at most 18 digits,
    /// read without allocating; false for anything else (the caller then takes the general path,
    /// which decides). Same value as <see cref="decimal.Parse(string, IFormatProvider)"/>, scale included.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = default;
        var i = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative)
        {
            i++;
        }
        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }
            if (c is < (byte)'0' or > (byte)'9' || ++digits > 18)
            {
                return false;
            }
            mantissa = mantissa * 10 + (c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }
        if (digits == 0 || scale == 0)
        {
            return false;
        }
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>A number written as text, trimmed: false when it is not one.</summary>
    public static bool TryParseText(string text, out decimal value) =>
        decimal.TryParse(NormalizeDecimal(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary><c>12,50</c> → <c>12.50</c>; <c>1.234,50</c> → <c>1234.50</c>; <c>1,234.50</c> → <c>1234.50</c>: the last separator is the decimal one.</summary>
    private static string NormalizeDecimal(string text)
    {
        var comma = text.LastIndexOf(',');
        var point = text.LastIndexOf('.');
        if (comma < 0)
        {
            return text;
        }
        return comma > point
            ? text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : text.Replace(",", "", StringComparison.Ordinal);
    }

    /// <summary>Hundredths, rounded half away from zero (the sources give two decimals; more is rounded).</summary>
    public static long Minor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
}
