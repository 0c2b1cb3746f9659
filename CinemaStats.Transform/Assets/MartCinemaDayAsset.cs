using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_cinema_day</c>: one row per cinema, business date and currency. Reads: fact_session,
/// fact_ticket_line of the same date · Partitioned by: business date · capacity and occupancy_adm
/// count non-cancelled sessions with capacity above 0 only (<see cref="KpiSql"/>); a cancelled session
/// keeps its sales. concessions_minor is Σ of every non-void CONCESSION line of the cinema, date and
/// currency, with or without a session (counter sales), so a cinema-day with concessions but no
/// session has a row with sessions 0.
/// </summary>
public sealed class MartCinemaDayAsset : SqlMartAsset
{
    private const string Concession = "line_type = 'CONCESSION' AND is_void = false";

    public override string Name => CuratedTables.MartCinemaDay.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name, CuratedTables.FactTicketLine.Name];

    public override TableSchema Output => CuratedTables.MartCinemaDay;

    /// <summary>3: partitioned by business date, built in SQL.</summary>
    public override string CodeVersion => "3";

    public override string Sql => $"""
        SELECT COALESCE(s.cinema_id, c.cinema_id) AS cinema_id, COALESCE(s.currency, c.currency) AS currency,
               COALESCE(s.sessions, 0) AS sessions, COALESCE(s.cancelled_sessions, 0) AS cancelled_sessions,
               COALESCE(s.sessions_with_adm, 0) AS sessions_with_adm, COALESCE(s.screens, 0) AS screens,
               COALESCE(s.capacity, 0) AS capacity, COALESCE(s.occupancy_adm, 0) AS occupancy_adm,
               COALESCE(s.adm, 0) AS adm, COALESCE(s.paid_adm, 0) AS paid_adm, COALESCE(s.gbo_minor, 0) AS gbo_minor,
               COALESCE(c.concessions_minor, 0) AS concessions_minor
        FROM (
            SELECT cinema_id, currency, COUNT(*) AS sessions, {KpiSql.CancelledSessions} AS cancelled_sessions,
                   {KpiSql.SessionsWithAdm} AS sessions_with_adm, CAST(COUNT(DISTINCT screen_id) AS INTEGER) AS screens,
                   {KpiSql.OccupancyCapacity} AS capacity, {KpiSql.OccupancyAdm} AS occupancy_adm,
                   CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
            FROM fact_session
            WHERE business_date = ?
            GROUP BY cinema_id, currency
        ) s
        FULL OUTER JOIN (
            SELECT cinema_id, currency, CAST(SUM(amount_minor) AS BIGINT) AS concessions_minor
            FROM fact_ticket_line
            WHERE business_date = ? AND {Concession}
            GROUP BY cinema_id, currency
        ) c ON c.cinema_id = s.cinema_id AND c.currency = s.currency
        ORDER BY cinema_id, currency
        """;

    public override IReadOnlyList<object> Parameters(DateOnly start) => [start, start];

    protected override IReadOnlyList<SourceTotals> Totals { get; } =
    [
        SourceTotals.OfSessions(["sessions", "capacity", "occupancy_adm", "adm", "paid_adm", "gbo_minor"]),
        new(CuratedTables.FactTicketLine.Name, ["concessions_minor"], _ => "CAST(SUM(amount_minor) AS BIGINT)", Concession),
    ];

    protected override string? CheckName(int index) => index == 1 ? "concessions_match_fact_ticket_line" : null;
}
