using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;

namespace CinemaStats.Transform.Films;

/// <summary>
/// The published dim_film as fact_session sees it: each session's raw title is matched to a film
/// (<see cref="FilmTitleMatcher"/>), and the session takes the film's title, genre and parent
/// distributor. A match scoring below <see cref="MinConfidence"/> is no match: the session keeps
/// its cleaned raw title and the distributor <see cref="UnknownDistributor"/>.
/// </summary>
public sealed class SessionFilms
{
    /// <summary>
    /// 70 of 100: an exact title (100) and a title that starts the other's (<c>Dune</c> for
    /// <c>Dune: Part Two</c>, 75 and up) match; titles sharing only a word or two (<c>The Batman</c>
    /// and <c>The Godfather</c>, 43) do not.
    /// </summary>
    public const int MinConfidence = 70;

    public const string UnknownDistributor = "Unknown";

    private readonly FilmTitleMatcher _matcher;
    private readonly Dictionary<string, (string Title, string? Genre, string Distributor)> _films;
    /// <summary>What a raw title shows on a date: a date's sessions repeat a few hundred titles, so each is matched and cleaned once.</summary>
    private readonly Dictionary<(string, DateOnly), ShownFilm> _shown = [];

    private SessionFilms(Dictionary<string, (string Title, string? Genre, string Distributor)> films)
    {
        _films = films;
        _matcher = new FilmTitleMatcher(films.Keys);
    }

    /// <summary>Reads dim_film's published files (none: every session stays unmatched).</summary>
    public static async Task<SessionFilms> LoadAsync(IObjectStore store, IEnumerable<InputVersion> dimFilmFiles, CancellationToken cancellationToken)
    {
        var films = new Dictionary<string, (string, string?, string)>(StringComparer.Ordinal);
        foreach (var file in dimFilmFiles)
        {
            await foreach (var rows in StagingFiles.ReadAsync(store, file.Key, CuratedTables.DimFilm, cancellationToken))
            {
                var keys = rows.Get<string?>("film_key");
                var titles = rows.Get<string?>("title");
                var genres = rows.Get<string?>("genre");
                var distributors = rows.Get<string?>("distributor");
                for (var i = 0; i < rows.RowCount; i++)
                {
                    films[keys[i]!] = (titles[i]!, genres[i], distributors[i] ?? UnknownDistributor);
                }
            }
        }
        return new SessionFilms(films);
    }

    /// <summary>The title a session shows when no film matched: the raw title without format and language tags, cleaned like a catalogue title.</summary>
    public static string CleanRawTitle(string? rawTitle) =>
        rawTitle is null ? "" : FilmTitleCleaner.Clean(FilmTitleMatcher.StripTags(rawTitle), wasJsonNumber: false).Title;

    /// <summary>Sets film_key, film_match_confidence, film_title, genre and distributor of every session of one business date.</summary>
    public void Fill(TableColumns sessions, DateOnly businessDate)
    {
        var rawTitles = sessions.Get<string?>("film_title_raw");
        var keys = sessions.Get<string?>("film_key");
        var confidences = sessions.Get<int?>("film_match_confidence");
        var titles = sessions.Get<string?>("film_title");
        var genres = sessions.Get<string?>("genre");
        var distributors = sessions.Get<string?>("distributor");
        for (var i = 0; i < sessions.RowCount; i++)
        {
            var shown = Shown(rawTitles[i], businessDate);
            (keys[i], confidences[i], titles[i], genres[i], distributors[i]) = (shown.Key, shown.Confidence, shown.Title, shown.Genre, shown.Distributor);
        }
    }

    /// <summary>
    /// A hash of what each of <paramref name="rawTitles"/> shows on <paramref name="businessDate"/>
    /// (film key, confidence, title, genre, distributor): equal hashes mean the date's sessions come out the same.
    /// </summary>
    public string MatchesFingerprint(IEnumerable<string?> rawTitles, DateOnly businessDate)
    {
        var text = new System.Text.StringBuilder();
        foreach (var raw in rawTitles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var shown = Shown(raw, businessDate);
            text.Append(raw).Append('\t').Append(shown.Key).Append('\t').Append(shown.Confidence).Append('\t')
                .Append(shown.Title).Append('\t').Append(shown.Genre).Append('\t').Append(shown.Distributor).Append('\n');
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private ShownFilm Shown(string? raw, DateOnly businessDate)
    {
        lock (_shown)
        {
            if (!_shown.TryGetValue((raw ?? "", businessDate), out var shown))
            {
                shown = _shown[(raw ?? "", businessDate)] = Resolve(raw, businessDate);
            }
            return shown;
        }
    }

    /// <summary>The film a raw title matches on a date, or the cleaned raw title when none matches well enough.</summary>
    private ShownFilm Resolve(string? rawTitle, DateOnly businessDate)
    {
        var match = _matcher.Match(rawTitle ?? "", businessDate);
        var confidence = (int)Math.Round(match.Confidence * 100, MidpointRounding.AwayFromZero);
        return match.FilmKey is { } key && confidence >= MinConfidence && _films.TryGetValue(key, out var film)
            ? new ShownFilm(key, confidence, film.Title, film.Genre, film.Distributor)
            : new ShownFilm(null, null, CleanRawTitle(rawTitle), null, UnknownDistributor);
    }

    private readonly record struct ShownFilm(string? Key, int? Confidence, string Title, string? Genre, string Distributor);
}
