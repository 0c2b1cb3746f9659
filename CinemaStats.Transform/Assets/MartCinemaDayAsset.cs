using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_cinema_day</c>: one row per cinema, business date and currency, from every published
/// fact_session row and every published fact_ticket_line concession. Reads: fact_session,
/// fact_ticket_line · Partitioned by: none · capacity and occupancy_adm count non-cancelled
/// sessions with capacity above 0 only; a cancelled session keeps its sales. concessions_minor is
/// Σ of every non-void CONCESSION line of the cinema, date and currency, with or without a session
/// (counter sales), so a cinema-day with concessions but no session has a row with sessions 0.
/// </summary>
public sealed class MartCinemaDayAsset : UnpartitionedAsset
{
    private readonly SourceTotals _sessionTotals = new(CuratedTables.FactSession.Name, ["sessions", "capacity", "occupancy_adm", "adm", "paid_adm", "gbo_minor"]);

    private readonly SourceTotals _concessionTotals = new(CuratedTables.FactTicketLine.Name, ["concessions_minor"]);

    public override string Name => CuratedTables.MartCinemaDay.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name, CuratedTables.FactTicketLine.Name];

    public override TableSchema Output => CuratedTables.MartCinemaDay;

    /// <summary>2: concessions from every concession line of fact_ticket_line, not only those naming a session.</summary>
    public override string CodeVersion => "2";

    public override IReadOnlyList<AssetCheck> Checks => [_sessionTotals.Check(), _concessionTotals.Check("concessions_match_fact_ticket_line")];

    public override async Task<IReadOnlyList<InputVersion>> InputsAsync(MaterializeContext context, CancellationToken cancellationToken) =>
        [.. await PublishedFactSessions.InputsAsync(context.Store, cancellationToken), .. await PublishedConcessions.InputsAsync(context.Store, cancellationToken)];

    public override async Task<DailyResult> BuildAsync(IReadOnlyList<InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var sessions = await PublishedFactSessions.ReadAsync(context.Store, inputs.Where(i => PublishedPartitions.IsFileOf(CuratedTables.FactSession.Name, i)), cancellationToken);
        var concessions = await PublishedConcessions.ReadAsync(context.Store, inputs.Where(i => PublishedPartitions.IsFileOf(CuratedTables.FactTicketLine.Name, i)), cancellationToken);
        var rows = Build(sessions, concessions);
        _sessionTotals.Record(rows, sessions.Select(s => (s.Currency, (Func<string, long>)s.Measure)));
        _concessionTotals.Record(rows, concessions.Select(c => (c.Currency, (Func<string, long>)(_ => c.AmountMinor))));
        return new DailyResult(rows, sessions.Count + concessions.Count, 0, "");
    }

    private TableColumns Build(IReadOnlyList<SessionFact> sessions, IReadOnlyList<ConcessionLine> concessions)
    {
        var sessionsByDay = sessions.ToLookup(s => (s.CinemaId, s.BusinessDate, s.Currency));
        var concessionsByDay = concessions
            .GroupBy(c => (c.CinemaId, c.BusinessDate, c.Currency))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.AmountMinor));
        var days = sessionsByDay.Select(g => g.Key).Union(concessionsByDay.Keys)
            .OrderBy(k => k.CinemaId, StringComparer.Ordinal).ThenBy(k => k.BusinessDate).ThenBy(k => k.Currency, StringComparer.Ordinal)
            .ToList();
        var t = TableColumns.Create(Output, days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var key = days[i];
            var day = sessionsByDay[key];
            t.Get<string?>("cinema_id")[i] = key.CinemaId;
            t.Get<DateOnly?>("business_date")[i] = key.BusinessDate;
            t.Get<string?>("currency")[i] = key.Currency;
            t.Get<long?>("sessions")[i] = day.LongCount();
            t.Get<long?>("cancelled_sessions")[i] = day.LongCount(s => s.Cancelled);
            t.Get<long?>("sessions_with_adm")[i] = day.LongCount(s => s.Adm > 0);
            t.Get<int?>("screens")[i] = day.Select(s => s.ScreenId).Distinct(StringComparer.Ordinal).Count();
            t.Get<long?>("capacity")[i] = day.Sum(s => s.OccupancyCapacity);
            t.Get<long?>("occupancy_adm")[i] = day.Sum(s => s.OccupancyAdm);
            t.Get<long?>("adm")[i] = day.Sum(s => s.Adm);
            t.Get<long?>("paid_adm")[i] = day.Sum(s => s.PaidAdm);
            t.Get<long?>("gbo_minor")[i] = day.Sum(s => s.GboMinor);
            t.Get<long?>("concessions_minor")[i] = concessionsByDay.GetValueOrDefault(key);
        }
        return t;
    }
}
