namespace CinemaStats.Core.Tables;

/// <summary>
/// The KPI rules over fact_session, as SQL that DuckDB and Athena (Trino) both run: written once
/// here, used by the marts the transform builds and by the dashboard's queries (docs/data-contract.md).
/// </summary>
public static class KpiSql
{
    /// <summary>Occupancy counts non-cancelled sessions with a capacity above 0; a cancelled session keeps its sales.</summary>
    public const string CountsForOccupancy = "status <> 'CANCELLED' AND capacity > 0";

    public const string OccupancyCapacity = $"CAST(SUM(CASE WHEN {CountsForOccupancy} THEN capacity ELSE 0 END) AS BIGINT)";

    public const string OccupancyAdm = $"CAST(SUM(CASE WHEN {CountsForOccupancy} THEN adm ELSE 0 END) AS BIGINT)";

    /// <summary>Show utilisation's numerator: sessions that sold at least one admission.</summary>
    public const string SessionsWithAdm = "CAST(SUM(CASE WHEN adm > 0 THEN 1 ELSE 0 END) AS BIGINT)";

    public const string CancelledSessions = "CAST(SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS BIGINT)";

    /// <summary>
    /// The film a session counts for: the dim_film key, or <c>unmatched|</c> and the title fact_session
    /// shows (the raw title cleaned, format and language tags stripped).
    /// </summary>
    public const string SessionFilmKey = "COALESCE(film_key, 'unmatched|' || film_title)";

    public const string UnmatchedFilmPrefix = "unmatched|";

    /// <summary>Σ of a measure column of fact_session, by the name the marts give it.</summary>
    public static string SessionMeasure(string column) => column switch
    {
        "sessions" => "COUNT(*)",
        "capacity" => OccupancyCapacity,
        "occupancy_adm" => OccupancyAdm,
        "sessions_with_adm" => SessionsWithAdm,
        "cancelled_sessions" => CancelledSessions,
        "adm" or "paid_adm" or "gbo_minor" or "concessions_minor" => $"CAST(SUM({column}) AS BIGINT)",
        _ => throw new ArgumentException($"'{column}' is not a session measure.", nameof(column)),
    };

    private const string FilmRun = "PARTITION BY film_key, currency ORDER BY film_week";

    /// <summary>
    /// mart_film_week with what depends on a film's other weeks, per film and currency (a territory):
    /// week_number (1 = the first film week it played), previous_week_gbo_minor (null in week 1 and after
    /// a week without a show), cumulative_gbo_minor and opening_weekend_gbo_minor (Fri–Sun of week 1).
    /// Derived at query time so that a new week never rewrites the partitions of the weeks before it.
    /// </summary>
    /// <param name="where">A condition on mart_film_week's rows, applied before the derivation (keep whole films).</param>
    public static string FilmRuns(string where = "true") => $"""
        SELECT film_key, film_title, distributor, genre, film_week, currency, sessions, cinemas, screens, adm, paid_adm, gbo_minor, weekend_gbo_minor,
               CAST(date_diff('day', MIN(film_week) OVER (PARTITION BY film_key, currency), film_week) / 7 + 1 AS INTEGER) AS week_number,
               CASE WHEN date_diff('day', LAG(film_week) OVER ({FilmRun}), film_week) = 7 THEN LAG(gbo_minor) OVER ({FilmRun}) END AS previous_week_gbo_minor,
               CAST(SUM(gbo_minor) OVER ({FilmRun} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS cumulative_gbo_minor,
               FIRST_VALUE(weekend_gbo_minor) OVER ({FilmRun} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS opening_weekend_gbo_minor
        FROM mart_film_week
        WHERE {where}
        """;
}
