using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CinemaStats.Core.Tests.SampleData;

/// <summary>Names every kind of docs/data-contract.md dirt present in a generated data set, so clean and dirty sets can be told apart.</summary>
public static partial class DirtFinder
{
    public static readonly string[] SessionsKinds =
    [
        "sessions: duplicate row", "sessions: capacity 0 or empty", "sessions: raw title with format", "sessions: showtime dd/MM/yyyy",
        "sessions: showtime ISO with T", "sessions: show in a DST gap", "sessions: lowercase currency", "sessions: cancelled with sales",
        "sessions: ';' delimiter", "sessions: tab delimiter", "sessions: header alias", "sessions: BOM", "sessions: CRLF", "sessions: re-sent file",
    ];

    public static readonly string[] PosKinds =
    [
        "pos: timestamp without offset", "pos: timestamp with Z", "pos: numbers as strings", "pos: decimal comma",
        "pos: lowercase channel", "pos: lowercase currency", "pos: ticket without session_id", "pos: re-sent file",
    ];

    public static readonly string[] FilmKinds =
    [
        "films: numeric title", "films: mis-decoded accent", "films: article moved to the end", "films: year suffix",
        "films: remake sharing a title", "films: year a century off", "films: year-only date", "films: distributor alias",
        "films: rating as int or float",
    ];

    public static readonly string[] AllKinds = [.. SessionsKinds, .. PosKinds, .. FilmKinds];

    private static readonly string[] Distributors =
        ["Sony Pictures", "Warner Bros.", "Universal", "Paramount Pictures", "Walt Disney Pictures", "20th Century Fox", "Lionsgate", "StudioCanal", "Focus Features", "A24"];

    public static SortedSet<string> Find(GeneratedDataSet set)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        FindInSessions(set, found);
        FindInPos(set, found);
        FindInFilms(set, found);
        return found;
    }

    private static void FindInSessions(GeneratedDataSet set, SortedSet<string> found)
    {
        var zones = new Dictionary<string, TimeZoneInfo>();
        var ticketedSessions = set.PosLines.Where(l => l.IsTicket && l.SessionId is not null).Select(l => l.SessionId!).ToHashSet();
        foreach (var file in set.OriginalSessions.GroupBy(s => s.File))
        {
            var rows = file.ToList();
            var first = rows[0];
            if (rows.GroupBy(r => r.Id).Any(g => g.Count() > 1)) found.Add("sessions: duplicate row");
            if (first.Delimiter == ';') found.Add("sessions: ';' delimiter");
            if (first.Delimiter == '\t') found.Add("sessions: tab delimiter");
            if (first.RawHeader != string.Join(first.Delimiter, GeneratedDataSet.CanonicalSessionsHeader)) found.Add("sessions: header alias");
            if (first.Bom) found.Add("sessions: BOM");
            if (first.CrLf) found.Add("sessions: CRLF");
            foreach (var row in rows)
            {
                if (row["capacity"] is "" or "0") found.Add("sessions: capacity 0 or empty");
                if (RawTitleWithFormat().IsMatch(row["film_title_raw"])) found.Add("sessions: raw title with format");
                if (row["showtime_local"].Contains('/')) found.Add("sessions: showtime dd/MM/yyyy");
                if (row["showtime_local"].Contains('T')) found.Add("sessions: showtime ISO with T");
                if (row["currency"] != row["currency"].ToUpperInvariant()) found.Add("sessions: lowercase currency");
                if (row["status"] == "CANCELLED" && ticketedSessions.Contains(row.Id)) found.Add("sessions: cancelled with sales");
                var zone = zones.TryGetValue(row["cinema_tz"], out var z) ? z : zones[row["cinema_tz"]] = TimeZoneInfo.FindSystemTimeZoneById(row["cinema_tz"]);
                if (zone.IsInvalidTime(row.ShowLocal)) found.Add("sessions: show in a DST gap");
                if (zone.IsAmbiguousTime(row.ShowLocal)) found.Add("sessions: show in a DST repeat");
            }
        }
        if (HasResentCopies(set, "sessions")) found.Add("sessions: re-sent file");
    }

    private static void FindInPos(GeneratedDataSet set, SortedSet<string> found)
    {
        foreach (var line in set.PosLines)
        {
            if (line.Timestamp.EndsWith('Z')) found.Add("pos: timestamp with Z");
            else if (!OffsetAtEnd().IsMatch(line.Timestamp)) found.Add("pos: timestamp without offset");
            if (line.NumbersAsText) found.Add("pos: numbers as strings");
            if (line.DecimalComma) found.Add("pos: decimal comma");
            if (line.Channel != line.Channel.ToUpperInvariant()) found.Add("pos: lowercase channel");
            if (line.Currency != line.Currency.ToUpperInvariant()) found.Add("pos: lowercase currency");
            if (line.IsTicket && string.IsNullOrEmpty(line.SessionId)) found.Add("pos: ticket without session_id");
        }
        if (HasResentCopies(set, "pos_transactions")) found.Add("pos: re-sent file");
    }

    private static void FindInFilms(GeneratedDataSet set, SortedSet<string> found)
    {
        var films = set.Films.RootElement.EnumerateArray().ToList();
        var titles = new List<string>();
        foreach (var film in films)
        {
            var title = film.GetProperty("Title");
            if (title.ValueKind == JsonValueKind.Number) found.Add("films: numeric title");
            var text = title.ValueKind == JsonValueKind.Number ? title.GetRawText() : title.GetString()!;
            titles.Add(text);
            if (text.IndexOfAny(['È', 'Ë', 'Î', '‡', '·', 'Ò', '‹', '¸', '˚', 'Á', 'ˆ', '‰']) >= 0) found.Add("films: mis-decoded accent");
            if (ArticleAtEnd().IsMatch(text)) found.Add("films: article moved to the end");
            if (YearSuffix().IsMatch(text)) found.Add("films: year suffix");

            var release = film.GetProperty("Release Date").GetString()!;
            var date = DateOnly.ParseExact(release, "MMM dd yyyy", CultureInfo.InvariantCulture);
            if (date.Year > set.Options.EndDate.Year + 1) found.Add("films: year a century off");
            if (release.StartsWith("Dec 31 ", StringComparison.Ordinal) || release.StartsWith("Jan 01 ", StringComparison.Ordinal)) found.Add("films: year-only date");
            if (!Distributors.Contains(film.GetProperty("Distributor").GetString())) found.Add("films: distributor alias");
            if (!film.GetProperty("IMDB Rating").GetRawText().Contains('.') || film.GetProperty("Rotten Tomatoes Rating").GetRawText().Contains('.'))
            {
                found.Add("films: rating as int or float");
            }
        }
        if (titles.GroupBy(t => t).Any(g => g.Count() > 1)) found.Add("films: remake sharing a title");
    }

    /// <summary>A file named <c>…_resent</c> whose bytes equal those of the file it copies.</summary>
    private static bool HasResentCopies(GeneratedDataSet set, string source)
    {
        var byName = set.Files.Where(f => f.Source == source).ToDictionary(f => f.FileName);
        return byName.Values.Any(f => f.FileName.Contains("_resent", StringComparison.Ordinal)
            && byName.TryGetValue(f.FileName.Replace("_resent", "", StringComparison.Ordinal), out var original)
            && original.Sha256 == f.Sha256);
    }

    [GeneratedRegex(@"( (2D|3D|IMAX) \((OV|DUB)\)| - (2D|3D|IMAX))$")]
    private static partial Regex RawTitleWithFormat();

    [GeneratedRegex(@"[+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetAtEnd();

    [GeneratedRegex(@", (The|A|An)( \(\d{4}\))?$")]
    private static partial Regex ArticleAtEnd();

    [GeneratedRegex(@" \(\d{4}\)$")]
    private static partial Regex YearSuffix();
}
