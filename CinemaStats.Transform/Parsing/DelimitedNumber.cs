using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.Transform.Parsing;

/// <summary>
/// A number in a delimited file (docs/data-contract.md): a file separated by ';' or tab may write a
/// decimal comma, and then '.' only groups thousands (<c>1.234,50</c>); a ','-separated file writes a
/// decimal point, and ',' only groups thousands (<c>"1,234.50"</c>). Grouping must be in threes, so a
/// number written the other way (<c>120.50</c> in a ';' file) is refused rather than misread.
/// </summary>
public static partial class DelimitedNumber
{
    /// <summary>Whether a file with this separator writes its decimals with a comma.</summary>
    public static bool UsesDecimalComma(char separator) => separator != ',';

    public static bool TryParse(string text, bool decimalComma, out decimal value)
    {
        value = default;
        var match = (decimalComma ? CommaDecimal() : PointDecimal()).Match(text);
        if (!match.Success)
        {
            return false;
        }
        var invariant = decimalComma ? text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : text.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex PointDecimal();
}
