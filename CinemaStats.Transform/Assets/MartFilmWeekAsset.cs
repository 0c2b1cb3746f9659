using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_film_week</c>: one row per film, film week (Fri–Thu) and currency, from every published
/// fact_session row. Reads: fact_session · Partitioned by: none · A currency is a territory, and a
/// film opens per territory: week 1 is the first film week the film played in that currency, and
/// week_number counts calendar weeks from it (a week without a show leaves a gap). previous_week_gbo_minor
/// is the film's GBO in the calendar week before, null in week 1 and after a week without a show
/// (so week-on-week change is null there). Opening weekend is Fri–Sun (business dates) of week 1.
/// Unmatched films are keyed <c>unmatched|</c> + normalized cleaned title.
/// </summary>
public sealed class MartFilmWeekAsset : SessionMartAsset
{
    public override string Name => CuratedTables.MartFilmWeek.Name;

    /// <summary>2: unmatched films keyed by their shown title, as the query catalogue keys them.</summary>
    public override string CodeVersion => "2";

    public override TableSchema Output => CuratedTables.MartFilmWeek;

    protected override IReadOnlyList<string> ReconciledColumns => ["sessions", "adm", "paid_adm", "gbo_minor"];

    protected override TableColumns Build(IReadOnlyList<SessionFact> sessions)
    {
        var rows = new List<(string Key, string Title, string Distributor, string? Genre, string Currency, DateOnly Week, int Number, IReadOnlyList<SessionFact> Sessions, long? Previous, long Cumulative, long Opening)>();
        foreach (var run in sessions.GroupBy(s => (s.MartFilmKey, s.Currency)).OrderBy(g => g.Key.MartFilmKey, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
        {
            // The film's descriptive columns: the most common value among its sessions (one value when matched).
            var title = MostCommon(run.Select(s => s.FilmTitle))!;
            var distributor = MostCommon(run.Select(s => s.Distributor))!;
            var genre = MostCommon(run.Select(s => s.Genre));
            var weeks = run.GroupBy(s => s.FilmWeek).OrderBy(w => w.Key).ToDictionary(w => w.Key, w => (IReadOnlyList<SessionFact>)[.. w]);
            var first = weeks.Keys.First();
            var opening = weeks[first].Where(s => s.BusinessDate <= first.AddDays(2)).Sum(s => s.GboMinor);
            long cumulative = 0;
            foreach (var week in weeks.Keys.Order())
            {
                var inWeek = weeks[week];
                var gbo = inWeek.Sum(s => s.GboMinor);
                cumulative += gbo;
                long? previous = weeks.TryGetValue(week.AddDays(-7), out var before) ? before.Sum(s => s.GboMinor) : null;
                rows.Add((run.Key.MartFilmKey, title, distributor, genre, run.Key.Currency, week, (week.DayNumber - first.DayNumber) / 7 + 1, inWeek, previous, cumulative, opening));
            }
        }

        var t = TableColumns.Create(Output, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            t.Get<string?>("film_key")[i] = r.Key;
            t.Get<string?>("film_title")[i] = r.Title;
            t.Get<string?>("distributor")[i] = r.Distributor;
            t.Get<string?>("genre")[i] = r.Genre;
            t.Get<DateOnly?>("film_week")[i] = r.Week;
            t.Get<int?>("week_number")[i] = r.Number;
            t.Get<string?>("currency")[i] = r.Currency;
            t.Get<long?>("sessions")[i] = r.Sessions.Count;
            t.Get<int?>("cinemas")[i] = r.Sessions.Select(s => s.CinemaId).Distinct(StringComparer.Ordinal).Count();
            t.Get<int?>("screens")[i] = r.Sessions.Select(s => (s.CinemaId, s.ScreenId)).Distinct().Count();
            t.Get<long?>("adm")[i] = r.Sessions.Sum(s => s.Adm);
            t.Get<long?>("paid_adm")[i] = r.Sessions.Sum(s => s.PaidAdm);
            t.Get<long?>("gbo_minor")[i] = r.Sessions.Sum(s => s.GboMinor);
            t.Get<long?>("previous_week_gbo_minor")[i] = r.Previous;
            t.Get<long?>("cumulative_gbo_minor")[i] = r.Cumulative;
            t.Get<long?>("opening_weekend_gbo_minor")[i] = r.Opening;
        }
        return t;
    }

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
