using System.Globalization;

namespace CinemaStats.Transform.Films;

/// <summary>A parsed release date, whether its year was corrected, and the flags it earned.</summary>
public sealed record CleanedReleaseDate(DateOnly Date, bool YearCorrected, IReadOnlyList<string> Flags);

/// <summary>
/// Parses and checks a release date. The public table writes <c>Jun 12 1998</c>; older copies
/// write <c>12-Jun-98</c>, whose two-digit years are how <c>King Kong</c> (1933) lands in 2033.
/// </summary>
public static class FilmReleaseDate
{
    /// <summary>A release announced further ahead than this is not a release date but a year a century off.</summary>
    public const int YearsAheadAllowed = 2;

    private static readonly string[] Formats =
    [
        "MMM d yyyy", "MMM dd yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "yyyy-MM-dd", "d-MMM-yy", "dd-MMM-yy", "d-MMM-yyyy", "d MMM yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffZ",
    ];

    public static bool TryParse(string text, out DateOnly date)
    {
        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>
    /// A year more than <see cref="YearsAheadAllowed"/> years after <paramref name="today"/> moves
    /// back a century, unless the title's year suffix says otherwise (then it is only flagged).
    /// Jan 1 and Dec 31 are kept but flagged: they are how a year-only date is stored.
    /// </summary>
    public static CleanedReleaseDate Check(DateOnly date, int? yearHint, DateOnly today)
    {
        var flags = new List<string>();
        var corrected = false;
        if (date.Year > today.Year + YearsAheadAllowed)
        {
            var candidate = date.AddYears(-100);
            if (yearHint is null || yearHint == candidate.Year)
            {
                date = candidate;
                corrected = true;
                flags.Add(CleaningFlag.ReleaseYearCenturyCorrected);
            }
            else
            {
                flags.Add(CleaningFlag.ReleaseYearImplausible);
            }
        }
        if (yearHint is { } hint && hint != date.Year)
        {
            flags.Add(CleaningFlag.TitleYearSuffixMismatch);
        }
        if (date is { Month: 1, Day: 1 } or { Month: 12, Day: 31 })
        {
            flags.Add(CleaningFlag.YearOnlyDate);
        }
        return new CleanedReleaseDate(date, corrected, flags);
    }
}
