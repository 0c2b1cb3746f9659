using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_daypart_weekday</c>: one row per cinema, business date, day-part and currency, from
/// every published fact_session row (the day-part × weekday heat map). Reads: fact_session ·
/// Partitioned by: none · occupancy as in mart_cinema_day.
/// </summary>
public sealed class MartDaypartWeekdayAsset : SessionMartAsset
{
    public override string Name => CuratedTables.MartDaypartWeekday.Name;

    public override TableSchema Output => CuratedTables.MartDaypartWeekday;

    protected override IReadOnlyList<string> ReconciledColumns => ["sessions", "capacity", "occupancy_adm", "adm", "gbo_minor"];

    protected override TableColumns Build(IReadOnlyList<SessionFact> sessions)
    {
        var cells = sessions
            .GroupBy(s => (s.CinemaId, s.BusinessDate, s.DayPart, s.Currency))
            .OrderBy(g => g.Key.CinemaId, StringComparer.Ordinal).ThenBy(g => g.Key.BusinessDate)
            .ThenBy(g => g.Key.DayPart, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .ToList();
        var t = TableColumns.Create(Output, cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            t.Get<string?>("cinema_id")[i] = cell.Key.CinemaId;
            t.Get<DateOnly?>("business_date")[i] = cell.Key.BusinessDate;
            t.Get<int?>("iso_weekday")[i] = cell.First().IsoWeekday;
            t.Get<string?>("day_part")[i] = cell.Key.DayPart;
            t.Get<string?>("currency")[i] = cell.Key.Currency;
            t.Get<long?>("sessions")[i] = cell.LongCount();
            t.Get<long?>("capacity")[i] = cell.Sum(s => s.OccupancyCapacity);
            t.Get<long?>("occupancy_adm")[i] = cell.Sum(s => s.OccupancyAdm);
            t.Get<long?>("adm")[i] = cell.Sum(s => s.Adm);
            t.Get<long?>("gbo_minor")[i] = cell.Sum(s => s.GboMinor);
        }
        return t;
    }
}
