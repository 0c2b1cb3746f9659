using System.Text.RegularExpressions;

namespace CinemaStats.Transform.Films;

/// <summary>The dim_film key a session's raw title most likely means, and how sure the match is (0..1).</summary>
public sealed record FilmMatch(string? FilmKey, double Confidence);

/// <summary>
/// Maps a ticketing system's raw title (<c>AVATAR 3D (OV)</c>, <c>Dune: Part Three - 2D</c>) to a
/// dim_film key. Presentation tags (2D/3D/IMAX, OV/DUB/SUB …) are stripped, the rest normalized
/// like a film key. An exact normalized title scores 1.0; otherwise the best token overlap (Dice)
/// scores up to 0.9, more when one title starts with the other (<c>Avatar</c> for <c>Avatar: The
/// Way of Water</c>). Among films sharing a title (remakes) the latest released by the show date wins.
/// </summary>
public sealed partial class FilmTitleMatcher
{
    private readonly List<(string Key, string Title, string[] Words, DateOnly Release)> _films;

    /// <param name="filmKeys">dim_film keys (normalized title | release date).</param>
    public FilmTitleMatcher(IEnumerable<string> filmKeys)
    {
        _films = filmKeys.Select(k =>
        {
            var title = FilmKey.TitleOf(k);
            return (k, title, title.Split(' ', StringSplitOptions.RemoveEmptyEntries), DateOnly.ParseExact(k[(k.LastIndexOf('|') + 1)..], "yyyy-MM-dd"));
        }).ToList();
    }

    /// <summary>The raw title without format and language tags.</summary>
    public static string StripTags(string rawTitle)
    {
        var title = BracketedTag().Replace(rawTitle, " ");
        title = TrailingTags().Replace(title, "");
        return title.Trim();
    }

    public FilmMatch Match(string rawTitle, DateOnly? showDate = null)
    {
        var normalized = FilmTitleNormalizer.Normalize(StripTags(rawTitle));
        if (normalized.Length == 0)
        {
            return new FilmMatch(null, 0);
        }
        var words = normalized.Split(' ');
        (string? Key, double Score, DateOnly Release) best = (null, 0, DateOnly.MinValue);
        foreach (var film in _films)
        {
            if (showDate is { } date && film.Release > date.AddDays(7))
            {
                continue; // not released yet: a remake cannot be the film shown before it opens
            }
            var score = film.Title == normalized ? 1.0 : Similarity(words, film.Words);
            if (score > best.Score || (score == best.Score && score > 0 && film.Release > best.Release))
            {
                best = (film.Key, score, film.Release);
            }
        }
        return new FilmMatch(best.Key, Math.Round(best.Score, 3));
    }

    private static double Similarity(string[] a, string[] b)
    {
        var common = a.Intersect(b, StringComparer.Ordinal).Count();
        if (common == 0)
        {
            return 0;
        }
        var dice = 2.0 * common / (a.Length + b.Length);
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var prefix = longer.Take(shorter.Length).SequenceEqual(shorter, StringComparer.Ordinal);
        return Math.Min(0.9, prefix ? 0.6 + 0.3 * dice : 0.85 * dice);
    }

    private const string Tags = @"2D|3D|4D|4DX|IMAX|IMAX\s*3D|HFR|ATMOS|DOLBY(\s*ATMOS|\s*CINEMA)?|D-?BOX|SCREENX|MX4D|OV|OMU|OmU|OmdU|OmeU|DUB|DUBBED|SUB|SUBS|SUBBED|SUBTITLED|VO|VF|VOST|VOSTFR|ENG|EN|DE|FR|ORIGINAL|DIGITAL|35MM|70MM";

    /// <summary>A tag in brackets: <c>(OV)</c>, <c>[3D]</c>, <c>(IMAX 3D)</c>.</summary>
    [GeneratedRegex(@"[\(\[]\s*(" + Tags + @")(\s*[/,]?\s*(" + Tags + @"))*\s*[\)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedTag();

    /// <summary>Tags at the end, bare or after a dash: <c>AVATAR 3D</c>, <c>Dune - 2D</c>, <c>Wicked IMAX OV</c>.</summary>
    [GeneratedRegex(@"(\s*[-–:|/]?\s*\b(" + Tags + @")\b)+\s*[-–]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTags();
}
