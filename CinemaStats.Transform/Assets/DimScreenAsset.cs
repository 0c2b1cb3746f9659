using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>dim_screen</c>: one row per cinema and screen, from every published fact_session row.
/// Reads: fact_session · Partitioned by: none · capacity is that of the latest session (by
/// showtime) with a capacity above 0; time zone and currency those of the latest session.
/// </summary>
public sealed class DimScreenAsset : SessionMartAsset
{
    public override string Name => CuratedTables.DimScreen.Name;

    public override TableSchema Output => CuratedTables.DimScreen;

    protected override IReadOnlyList<string> ReconciledColumns => ["sessions"];

    protected override TableColumns Build(IReadOnlyList<SessionFact> sessions)
    {
        var screens = sessions
            .GroupBy(s => (s.CinemaId, s.ScreenId))
            .OrderBy(g => g.Key.CinemaId, StringComparer.Ordinal).ThenBy(g => g.Key.ScreenId, StringComparer.Ordinal)
            .ToList();
        var t = TableColumns.Create(Output, screens.Count);
        for (var i = 0; i < screens.Count; i++)
        {
            var byTime = screens[i].OrderBy(s => s.ShowtimeUtc).ThenBy(s => s.SessionId, StringComparer.Ordinal).ToList();
            var latest = byTime[^1];
            t.Get<string?>("cinema_id")[i] = screens[i].Key.CinemaId;
            t.Get<string?>("screen_id")[i] = screens[i].Key.ScreenId;
            t.Get<int?>("capacity")[i] = byTime.LastOrDefault(s => s.Capacity > 0)?.Capacity;
            t.Get<string?>("cinema_tz")[i] = latest.CinemaTz;
            t.Get<string?>("currency")[i] = latest.Currency;
            t.Get<DateOnly?>("first_business_date")[i] = byTime.Min(s => s.BusinessDate);
            t.Get<DateOnly?>("last_business_date")[i] = byTime.Max(s => s.BusinessDate);
            t.Get<long?>("sessions")[i] = byTime.Count;
        }
        return t;
    }
}
