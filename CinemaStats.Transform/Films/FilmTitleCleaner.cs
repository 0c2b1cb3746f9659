using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.Transform.Films;

/// <summary>The cleaned title, what was done to it, and the year its <c>(1962)</c> suffix gave.</summary>
public sealed record CleanedTitle(string Title, IReadOnlyList<string> Flags, int? YearHint);

/// <summary>
/// Cleans a catalogue title, in this order: white space, mis-decoded accents, a trailing
/// <c>(yyyy)</c> year, a trailing article (<c>Secret, The</c>). A title that is a number stays
/// a title: it is never parsed as one.
/// </summary>
public static partial class FilmTitleCleaner
{
    /// <summary>Cinema began in the 1880s; a bracketed number outside this range is part of the title (<c>Blade Runner (2049)</c> stays).</summary>
    private const int FirstFilmYear = 1888;

    public static CleanedTitle Clean(string raw, bool wasJsonNumber)
    {
        var flags = new List<string>();
        var title = Spaces().Replace(raw.Trim(), " ");
        if (wasJsonNumber || title.All(char.IsAsciiDigit))
        {
            flags.Add(CleaningFlag.TitleNumeric);
            // 300.0 when a tool wrote the number as a float
            if (wasJsonNumber && decimal.TryParse(title, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number))
            {
                title = decimal.Truncate(number).ToString(CultureInfo.InvariantCulture);
            }
            return new CleanedTitle(title, flags, null);
        }
        if (TitleMojibake.TryRepair(title, out var repaired))
        {
            title = repaired;
            flags.Add(CleaningFlag.TitleAccentsRepaired);
        }

        int? yearHint = null;
        var suffix = YearSuffix().Match(title);
        if (suffix.Success && int.Parse(suffix.Groups["year"].Value, CultureInfo.InvariantCulture) is var year && year >= FirstFilmYear && year <= 2100)
        {
            title = title[..suffix.Index].TrimEnd();
            yearHint = year;
            flags.Add(CleaningFlag.TitleYearSuffix);
        }

        var article = TrailingArticle().Match(title);
        if (article.Success)
        {
            title = $"{article.Groups["article"].Value} {article.Groups["rest"].Value}";
            flags.Add(CleaningFlag.TitleArticleMoved);
        }
        return new CleanedTitle(title, flags, yearHint);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\((?<year>\d{4})\)$")]
    private static partial Regex YearSuffix();

    /// <summary><c>Secret, The</c>; also before a subtitle, <c>Hobbit, The: An Unexpected Journey</c>.</summary>
    [GeneratedRegex(@"^(?<rest>[^,]+?), (?<article>The|A|An)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingArticle();
}
