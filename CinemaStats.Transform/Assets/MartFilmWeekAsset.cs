using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_film_week</c>: one row per film, film week (Fri–Thu) and currency. Reads: fact_session
/// of the week's seven dates · Partitioned by: film week · A currency is a territory. weekend_gbo_minor
/// is Fri–Sun of the week; what depends on the film's other weeks (week number, the week before,
/// cumulative GBO, opening weekend) is derived by the queries (<c>FilmRunSql</c>), so a new week never
/// rewrites the old ones. Unmatched films are keyed <c>unmatched|</c> + the title fact_session shows.
/// The descriptive columns come from dim_film through fact_session, one value per film.
/// </summary>
public sealed class MartFilmWeekAsset : SqlMartAsset
{
    public override string Name => CuratedTables.MartFilmWeek.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    public override Partitioning Partitioning => Partitioning.FilmWeek;

    public override TableSchema Output => CuratedTables.MartFilmWeek;

    /// <summary>3: partitioned by film week, built in SQL; run figures derived at query time.</summary>
    public override string CodeVersion => "3";

    public override string Sql => $"""
        SELECT {KpiSql.SessionFilmKey} AS film_key, MAX(film_title) AS film_title, MAX(distributor) AS distributor, MAX(genre) AS genre,
               currency, COUNT(*) AS sessions, CAST(COUNT(DISTINCT cinema_id) AS INTEGER) AS cinemas,
               CAST(COUNT(DISTINCT cinema_id || '|' || screen_id) AS INTEGER) AS screens,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor,
               CAST(SUM(CASE WHEN business_date <= ? THEN gbo_minor ELSE 0 END) AS BIGINT) AS weekend_gbo_minor
        FROM fact_session
        WHERE business_date BETWEEN ? AND ?
        GROUP BY {KpiSql.SessionFilmKey}, currency
        ORDER BY film_key, currency
        """;

    /// <summary>The Sunday that ends the weekend, then the week's range.</summary>
    public override IReadOnlyList<object> Parameters(DateOnly start) => [start.AddDays(2), .. Range(start)];

    protected override IReadOnlyList<SourceTotals> Totals { get; } = [SourceTotals.OfSessions(["sessions", "adm", "paid_adm", "gbo_minor"])];
}
