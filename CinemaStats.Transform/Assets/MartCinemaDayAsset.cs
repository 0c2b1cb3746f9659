using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_cinema_day</c>: one row per cinema, business date and currency, from every published
/// fact_session row. Reads: fact_session · Partitioned by: none · capacity and occupancy_adm
/// count non-cancelled sessions with capacity above 0 only; a cancelled session keeps its sales.
/// </summary>
public sealed class MartCinemaDayAsset : SessionMartAsset
{
    public override string Name => CuratedTables.MartCinemaDay.Name;

    public override TableSchema Output => CuratedTables.MartCinemaDay;

    protected override IReadOnlyList<string> ReconciledColumns => ["sessions", "capacity", "occupancy_adm", "adm", "paid_adm", "gbo_minor", "concessions_minor"];

    protected override TableColumns Build(IReadOnlyList<SessionFact> sessions)
    {
        var days = sessions
            .GroupBy(s => (s.CinemaId, s.BusinessDate, s.Currency))
            .OrderBy(g => g.Key.CinemaId, StringComparer.Ordinal).ThenBy(g => g.Key.BusinessDate).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .ToList();
        var t = TableColumns.Create(Output, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            t.Get<string?>("cinema_id")[i] = day.Key.CinemaId;
            t.Get<DateOnly?>("business_date")[i] = day.Key.BusinessDate;
            t.Get<string?>("currency")[i] = day.Key.Currency;
            t.Get<long?>("sessions")[i] = day.LongCount();
            t.Get<long?>("cancelled_sessions")[i] = day.LongCount(s => s.Cancelled);
            t.Get<long?>("sessions_with_adm")[i] = day.LongCount(s => s.Adm > 0);
            t.Get<int?>("screens")[i] = day.Select(s => s.ScreenId).Distinct(StringComparer.Ordinal).Count();
            t.Get<long?>("capacity")[i] = day.Sum(s => s.OccupancyCapacity);
            t.Get<long?>("occupancy_adm")[i] = day.Sum(s => s.OccupancyAdm);
            t.Get<long?>("adm")[i] = day.Sum(s => s.Adm);
            t.Get<long?>("paid_adm")[i] = day.Sum(s => s.PaidAdm);
            t.Get<long?>("gbo_minor")[i] = day.Sum(s => s.GboMinor);
            t.Get<long?>("concessions_minor")[i] = day.Sum(s => s.ConcessionsMinor);
        }
        return t;
    }
}
