using System.Text.RegularExpressions;

namespace CinemaStats.IntegrationTests;

/// <summary>Reads the per-date rows of the sessions page's table from its HTML.</summary>
public static partial class SlicePageReader
{
    public static Dictionary<DateOnly, (long Sessions, long Capacity, long Admissions)> SessionsByDate(string html)
    {
        var rows = new Dictionary<DateOnly, (long, long, long)>();
        foreach (Match row in RowPattern().Matches(html))
        {
            rows[DateOnly.Parse(row.Groups["date"].Value)] = (
                Number(row.Groups["sessions"].Value),
                Number(row.Groups["capacity"].Value),
                Number(row.Groups["admissions"].Value));
        }
        return rows;
    }

    private static long Number(string text) =>
        long.Parse(text, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("""data-column="Business date"[^>]*>\s*\w{3} (?<date>\d{4}-\d{2}-\d{2})\s*<.*?data-column="Sessions"[^>]*>\s*(?<sessions>[\d,]+)\s*<.*?data-column="Seats offered"[^>]*>\s*(?<capacity>[\d,]+)\s*<.*?data-column="Admissions"[^>]*>\s*(?<admissions>[\d,]+)\s*<""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
