using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.LoadTest;

/// <summary>
/// The addresses the recorded session visits, read from the server-rendered pages the way an
/// analyst follows what is on screen: the last 7 days up to the overview's last date, the first
/// cinema of the overview, the top film of the filtered overview, and that film's cinemas CSV.
/// </summary>
public static partial class SessionLinks
{
    /// <summary>"from=…&amp;to=…" for the 7 days up to the overview's last date.</summary>
    public static string LastSevenDays(string overviewHtml)
    {
        var to = Found(DateRegex().Match(overviewHtml), "to", "the overview's export link with its dates");
        var last = DateOnly.Parse(to, CultureInfo.InvariantCulture);
        return $"from={last.AddDays(-6):yyyy-MM-dd}&to={to}";
    }

    public static string FirstCinema(string overviewHtml) => Found(CinemaRegex().Match(overviewHtml), "id", "a link to a cinema");

    /// <summary>The top film's page, with the filter it was shown under.</summary>
    public static string TopFilm(string pageHtml) => Found(FilmRegex().Match(pageHtml), "href", "a link to a film").Replace("&amp;", "&", StringComparison.Ordinal);

    public static string FilmCinemasExport(string range, string cinema, string filmHref) =>
        $"/export/film-cinemas.csv?{range}&cinema={cinema}&subject={Uri.EscapeDataString(Uri.UnescapeDataString(filmHref.Split('?')[0]["/films/".Length..]))}";

    private static string Found(Match match, string group, string what) =>
        match.Success ? match.Groups[group].Value : throw new FormatException($"the page has no {what}");

    [GeneratedRegex("""/export/cinemas\.csv\?from=(?<from>\d{4}-\d{2}-\d{2})&amp;to=(?<to>\d{4}-\d{2}-\d{2})""")]
    private static partial Regex DateRegex();

    [GeneratedRegex("""href="/cinemas/(?<id>[^"?]+)\?""")]
    private static partial Regex CinemaRegex();

    [GeneratedRegex(""""href="(?<href>/films/[^"]+)"""")]
    private static partial Regex FilmRegex();
}
