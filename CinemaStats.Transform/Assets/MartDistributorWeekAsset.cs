using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_distributor_week</c>: one row per parent distributor, film week and currency, from
/// every published fact_session row. Reads: fact_session · Partitioned by: none · Sessions of
/// unmatched films count under Unknown; films counts distinct films as mart_film_week keys them.
/// </summary>
public sealed class MartDistributorWeekAsset : SessionMartAsset
{
    public override string Name => CuratedTables.MartDistributorWeek.Name;

    /// <summary>2: unmatched films keyed by their shown title, as the query catalogue keys them.</summary>
    public override string CodeVersion => "2";

    public override TableSchema Output => CuratedTables.MartDistributorWeek;

    protected override IReadOnlyList<string> ReconciledColumns => ["adm", "gbo_minor"];

    protected override TableColumns Build(IReadOnlyList<SessionFact> sessions)
    {
        var groups = sessions
            .GroupBy(s => (s.Distributor, s.FilmWeek, s.Currency))
            .OrderBy(g => g.Key.FilmWeek).ThenBy(g => g.Key.Currency, StringComparer.Ordinal).ThenBy(g => g.Key.Distributor, StringComparer.Ordinal)
            .ToList();
        var t = TableColumns.Create(Output, groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            t.Get<string?>("distributor")[i] = group.Key.Distributor;
            t.Get<DateOnly?>("film_week")[i] = group.Key.FilmWeek;
            t.Get<string?>("currency")[i] = group.Key.Currency;
            t.Get<int?>("films")[i] = group.Select(s => s.MartFilmKey).Distinct(StringComparer.Ordinal).Count();
            t.Get<long?>("adm")[i] = group.Sum(s => s.Adm);
            t.Get<long?>("gbo_minor")[i] = group.Sum(s => s.GboMinor);
        }
        return t;
    }
}
