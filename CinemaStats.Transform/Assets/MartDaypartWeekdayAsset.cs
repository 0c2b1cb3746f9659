using CinemaStats.Core.Tables;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_daypart_weekday</c>: one row per cinema, business date, day-part and currency (the
/// day-part × weekday heat map). Reads: fact_session of the same date · Partitioned by: business
/// date · occupancy as in mart_cinema_day.
/// </summary>
public sealed class MartDaypartWeekdayAsset : SqlMartAsset
{
    public override string Name => CuratedTables.MartDaypartWeekday.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    public override TableSchema Output => CuratedTables.MartDaypartWeekday;

    /// <summary>2: partitioned by business date, built in SQL.</summary>
    public override string CodeVersion => "2";

    public override string Sql => $"""
        SELECT cinema_id, MAX(iso_weekday) AS iso_weekday, day_part, currency, COUNT(*) AS sessions,
               {KpiSql.OccupancyCapacity} AS capacity, {KpiSql.OccupancyAdm} AS occupancy_adm,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE business_date = ?
        GROUP BY cinema_id, day_part, currency
        ORDER BY cinema_id, day_part, currency
        """;

    public override IReadOnlyList<object> Parameters(DateOnly start) => [start];

    protected override IReadOnlyList<SourceTotals> Totals { get; } = [SourceTotals.OfSessions(["sessions", "capacity", "occupancy_adm", "adm", "gbo_minor"])];
}
