using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_screen_month</c>: one row per cinema, screen and month. Reads: fact_session of the month's
/// dates · Partitioned by: month · What dim_screen folds: a new day rebuilds its month (at most 31
/// dates) and dim_screen reads one small file per month, never every session. capacity is that of
/// the month's latest session (by showtime, then session_id) with a capacity above 0; time zone and
/// currency those of its latest session.
/// </summary>
public sealed class MartScreenMonthAsset : SqlMartAsset
{
    public override string Name => CuratedTables.MartScreenMonth.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    public override Partitioning Partitioning => Partitioning.Month;

    public override TableSchema Output => CuratedTables.MartScreenMonth;

    public override string Sql => """
        SELECT t.cinema_id, t.screen_id, t.sessions, c.capacity, c.showtime_utc AS capacity_showtime_utc,
               l.showtime_utc AS latest_showtime_utc, l.cinema_tz, l.currency, t.first_business_date, t.last_business_date
        FROM (
            SELECT cinema_id, screen_id, COUNT(*) AS sessions, MIN(business_date) AS first_business_date, MAX(business_date) AS last_business_date
            FROM fact_session
            WHERE business_date BETWEEN ? AND ?
            GROUP BY cinema_id, screen_id
        ) t
        JOIN (
            SELECT cinema_id, screen_id, showtime_utc, cinema_tz, currency,
                   ROW_NUMBER() OVER (PARTITION BY cinema_id, screen_id ORDER BY showtime_utc DESC, session_id DESC) AS n
            FROM fact_session
            WHERE business_date BETWEEN ? AND ?
        ) l ON l.cinema_id = t.cinema_id AND l.screen_id = t.screen_id AND l.n = 1
        LEFT JOIN (
            SELECT cinema_id, screen_id, capacity, showtime_utc,
                   ROW_NUMBER() OVER (PARTITION BY cinema_id, screen_id ORDER BY showtime_utc DESC, session_id DESC) AS n
            FROM fact_session
            WHERE business_date BETWEEN ? AND ? AND capacity > 0
        ) c ON c.cinema_id = t.cinema_id AND c.screen_id = t.screen_id AND c.n = 1
        ORDER BY t.cinema_id, t.screen_id
        """;

    public override IReadOnlyList<object> Parameters(DateOnly start) => [.. Range(start), .. Range(start), .. Range(start)];

    protected override IReadOnlyList<SourceTotals> Totals { get; } = [SourceTotals.OfSessions(["sessions"])];
}
