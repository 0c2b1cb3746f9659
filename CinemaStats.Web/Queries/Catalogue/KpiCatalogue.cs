using CinemaStats.Core.Tables;

namespace CinemaStats.Web.Queries.Catalogue;

/// <summary>
/// Every query the dashboard runs, written once in the SQL that DuckDB and Athena (Trino) both
/// accept (see <see cref="Core.Sql.SqlSubset"/>). KPI rules (docs/data-contract.md): amounts are summed per currency only;
/// ratios are Σ/Σ, so queries return numerators and denominators and the rows divide; occupancy
/// counts non-cancelled sessions with capacity &gt; 0.
/// <para>
/// Where the filter selects no film, genre or distributor, the cinema-day marts answer (a few rows
/// per cinema and day instead of one per session); otherwise fact_session does. Both give the same
/// numbers: the marts hold the same sums.
/// </para>
/// </summary>
public static class KpiCatalogue
{
    /// <summary>The film key of a session as the marts and the filter name it: the dim_film key, or <c>unmatched|</c> + title.</summary>
    public const string SessionFilmKey = KpiSql.SessionFilmKey;

    /// <summary>A session's genre, "Unknown" when the film has none or did not match.</summary>
    public const string SessionGenre = "COALESCE(genre, 'Unknown')";

    private const string OccupancyCapacity = KpiSql.OccupancyCapacity;
    private const string OccupancyAdm = KpiSql.OccupancyAdm;
    private const string SessionsWithAdm = KpiSql.SessionsWithAdm;
    private const string Cancelled = KpiSql.CancelledSessions;

    private const string FactSession = "fact_session";
    private const string MartCinemaDay = "mart_cinema_day";
    private const string MartDaypartWeekday = "mart_daypart_weekday";
    private const string MartFilmWeek = "mart_film_week";

    // ---- Filter pickers

    /// <summary>From the cinema-day mart: a few thousand rows a year instead of every session.</summary>
    public static readonly KpiQuery FilterDates = new(nameof(FilterDates), """
        SELECT MIN(business_date) AS first_date, MAX(business_date) AS last_date
        FROM mart_cinema_day
        """, [MartCinemaDay]);

    /// <summary>
    /// Every cinema with what dim_screen knows of it (time zone, currency, screens, seats), and its name
    /// and region from the optional cinemas reference file (dim_cinema; null when it has no row).
    /// </summary>
    public static readonly KpiQuery FilterCinemas = new(nameof(FilterCinemas), """
        SELECT s.cinema_id, s.time_zone, s.cinema_currency, s.screens, s.seats, c.cinema_name, c.region
        FROM (
            SELECT cinema_id, MAX(cinema_tz) AS time_zone, MAX(currency) AS cinema_currency, COUNT(*) AS screens,
                   CAST(SUM(COALESCE(capacity, 0)) AS BIGINT) AS seats
            FROM dim_screen
            GROUP BY cinema_id
        ) s
        LEFT JOIN dim_cinema c ON c.cinema_id = s.cinema_id
        ORDER BY s.cinema_id
        """, ["dim_screen", "dim_cinema"]);

    /// <summary>The first and last business date each cinema has data for (quick ranges end on the selected cinemas' last one).</summary>
    public static readonly KpiQuery CinemaDates = new(nameof(CinemaDates), """
        SELECT cinema_id, MIN(business_date) AS first_date, MAX(business_date) AS last_date
        FROM mart_cinema_day
        GROUP BY cinema_id
        ORDER BY cinema_id
        """, [MartCinemaDay]);

    /// <summary>The days of the selected dates that each cinema has data for, with their sessions (the coverage strip).</summary>
    public static readonly KpiQuery Coverage = new(nameof(Coverage), $"""
        SELECT cinema_id, business_date, CAST(SUM(sessions) AS BIGINT) AS sessions
        FROM mart_cinema_day
        WHERE {KpiQuery.FilterSlot}
        GROUP BY cinema_id, business_date
        ORDER BY cinema_id, business_date
        """, [MartCinemaDay]);

    /// <summary>Films with their genre and distributor, so one scan fills three pickers; the film-week mart names every film that played, matched or not.</summary>
    public static readonly KpiQuery FilterFilms = new(nameof(FilterFilms), $"""
        SELECT film_key, MAX(film_title) AS title, {SessionGenre} AS film_genre, distributor
        FROM mart_film_week
        GROUP BY film_key, {SessionGenre}, distributor
        ORDER BY title, film_key
        """, [MartFilmWeek]);

    // ---- Overview

    public static readonly KpiQuery KpiTotals = new(nameof(KpiTotals), $"""
        SELECT currency, COUNT(*) AS sessions, {SessionsWithAdm} AS sessions_with_adm,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor,
               {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY currency
        ORDER BY currency
        """, [FactSession]);

    public static readonly KpiQuery KpiTotalsFromMart = new(nameof(KpiTotalsFromMart), $"""
        SELECT currency, CAST(SUM(sessions) AS BIGINT) AS sessions, CAST(SUM(sessions_with_adm) AS BIGINT) AS sessions_with_adm,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor,
               CAST(SUM(capacity) AS BIGINT) AS capacity, CAST(SUM(occupancy_adm) AS BIGINT) AS occupancy_adm
        FROM mart_cinema_day
        WHERE {KpiQuery.FilterSlot}
        GROUP BY currency
        ORDER BY currency
        """, [MartCinemaDay]);

    public static readonly KpiQuery Daily = new(nameof(Daily), $"""
        SELECT business_date, currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY business_date, currency
        ORDER BY business_date, currency
        """, [FactSession]);

    public static readonly KpiQuery DailyFromMart = new(nameof(DailyFromMart), $"""
        SELECT business_date, currency, CAST(SUM(sessions) AS BIGINT) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, CAST(SUM(capacity) AS BIGINT) AS capacity,
               CAST(SUM(occupancy_adm) AS BIGINT) AS occupancy_adm
        FROM mart_cinema_day
        WHERE {KpiQuery.FilterSlot}
        GROUP BY business_date, currency
        ORDER BY business_date, currency
        """, [MartCinemaDay]);

    /// <summary>Ranked by admissions (a count, comparable across currencies), then GBO.</summary>
    public static readonly KpiQuery TopFilms = new(nameof(TopFilms), $"""
        SELECT {SessionFilmKey} AS film, MAX(film_title) AS title, MAX(distributor) AS film_distributor, MAX(genre) AS film_genre,
               currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY {SessionFilmKey}, currency
        ORDER BY adm DESC, gbo_minor DESC, film, currency
        """, [FactSession]);

    public static readonly KpiQuery Cinemas = new(nameof(Cinemas), $"""
        SELECT cinema_id, currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor,
               CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor, {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY cinema_id, currency
        ORDER BY cinema_id, currency
        """, [FactSession]);

    public static readonly KpiQuery CinemasFromMart = new(nameof(CinemasFromMart), $"""
        SELECT cinema_id, currency, CAST(SUM(sessions) AS BIGINT) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor,
               CAST(SUM(capacity) AS BIGINT) AS capacity, CAST(SUM(occupancy_adm) AS BIGINT) AS occupancy_adm
        FROM mart_cinema_day
        WHERE {KpiQuery.FilterSlot}
        GROUP BY cinema_id, currency
        ORDER BY cinema_id, currency
        """, [MartCinemaDay]);

    public static readonly KpiQuery DaypartWeekday = new(nameof(DaypartWeekday), $"""
        SELECT iso_weekday, day_part, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY iso_weekday, day_part
        ORDER BY iso_weekday, day_part
        """, [FactSession]);

    public static readonly KpiQuery DaypartWeekdayFromMart = new(nameof(DaypartWeekdayFromMart), $"""
        SELECT iso_weekday, day_part, CAST(SUM(sessions) AS BIGINT) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               CAST(SUM(capacity) AS BIGINT) AS capacity, CAST(SUM(occupancy_adm) AS BIGINT) AS occupancy_adm
        FROM mart_daypart_weekday
        WHERE {KpiQuery.FilterSlot}
        GROUP BY iso_weekday, day_part
        ORDER BY iso_weekday, day_part
        """, [MartDaypartWeekday]);

    public static readonly KpiQuery GenreMix = new(nameof(GenreMix), $"""
        SELECT {SessionGenre} AS film_genre, currency, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY {SessionGenre}, currency
        ORDER BY currency, gbo_minor DESC, film_genre
        """, [FactSession]);

    /// <summary>GBO per distributor and currency; the share (of the same currency's total) is divided in the row mapping.</summary>
    public static readonly KpiQuery DistributorGbo = new(nameof(DistributorGbo), $"""
        SELECT distributor, currency, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY distributor, currency
        ORDER BY currency, gbo_minor DESC, distributor
        """, [FactSession]);

    // ---- Film page

    public static readonly KpiQuery Film = new(nameof(Film), """
        SELECT film_key, title, distributor, genre, release_date, mpaa_rating, running_time_min
        FROM dim_film
        WHERE film_key = ?
        """, ["dim_film"]);

    /// <summary>A film that matched no dim_film row, known by the weeks it played (its <c>unmatched|</c> key).</summary>
    public static readonly KpiQuery FilmFromWeeks = new(nameof(FilmFromWeeks), """
        SELECT MAX(film_title) AS title, MAX(distributor) AS film_distributor, MAX(genre) AS film_genre
        FROM mart_film_week
        WHERE film_key = ?
        HAVING COUNT(*) > 0
        """, [MartFilmWeek]);

    /// <summary>
    /// A film's sales per business date and currency in the selected cinemas and dates (the film page
    /// asks for the whole run; weeks, opening weekend, cumulative figures and the run curve are sums of these days).
    /// </summary>
    public static readonly KpiQuery FilmDays = new(nameof(FilmDays), $"""
        SELECT business_date, currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE {SessionFilmKey} = ? AND {KpiQuery.FilterSlot}
        GROUP BY business_date, currency
        ORDER BY business_date, currency
        """, [FactSession]);

    /// <summary>Distinct cinemas and screens that played the film per film week and currency (counts of distinct screens do not add up over days).</summary>
    public static readonly KpiQuery FilmWeekScreens = new(nameof(FilmWeekScreens), $"""
        SELECT film_week, currency, COUNT(DISTINCT cinema_id) AS cinemas, COUNT(DISTINCT cinema_id || '|' || screen_id) AS screens
        FROM fact_session
        WHERE {SessionFilmKey} = ? AND {KpiQuery.FilterSlot}
        GROUP BY film_week, currency
        ORDER BY film_week, currency
        """, [FactSession]);

    /// <summary>Distinct screens that played the film in the selected dates, per currency (the screen average's denominator).</summary>
    public static readonly KpiQuery FilmScreens = new(nameof(FilmScreens), $"""
        SELECT currency, COUNT(DISTINCT cinema_id || '|' || screen_id) AS screens
        FROM fact_session
        WHERE {SessionFilmKey} = ? AND {KpiQuery.FilterSlot}
        GROUP BY currency
        ORDER BY currency
        """, [FactSession]);

    /// <summary>Every film's admissions and GBO per film week and currency in the selected cinemas: the market a film's share is of.</summary>
    public static readonly KpiQuery MarketWeeks = new(nameof(MarketWeeks), $"""
        SELECT film_week, currency, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE {KpiQuery.FilterSlot}
        GROUP BY film_week, currency
        ORDER BY film_week, currency
        """, [FactSession]);

    public static readonly KpiQuery FilmCinemas = new(nameof(FilmCinemas), $"""
        SELECT cinema_id, currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor,
               CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor, {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
        FROM fact_session
        WHERE {SessionFilmKey} = ? AND {KpiQuery.FilterSlot}
        GROUP BY cinema_id, currency
        ORDER BY adm DESC, cinema_id, currency
        """, [FactSession]);

    // ---- Cinema page

    public static readonly KpiQuery CinemaDays = new(nameof(CinemaDays), $"""
        SELECT business_date, currency, COUNT(*) AS sessions, {Cancelled} AS cancelled_sessions, {SessionsWithAdm} AS sessions_with_adm,
               COUNT(DISTINCT screen_id) AS screens, {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(paid_adm) AS BIGINT) AS paid_adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor, CAST(SUM(concessions_minor) AS BIGINT) AS concessions_minor
        FROM fact_session
        WHERE cinema_id = ? AND {KpiQuery.FilterSlot}
        GROUP BY business_date, currency
        ORDER BY business_date, currency
        """, [FactSession]);

    public static readonly KpiQuery CinemaDaysFromMart = new(nameof(CinemaDaysFromMart), $"""
        SELECT business_date, currency, sessions, cancelled_sessions, sessions_with_adm, screens, capacity, occupancy_adm,
               adm, paid_adm, gbo_minor, concessions_minor
        FROM mart_cinema_day
        WHERE cinema_id = ? AND {KpiQuery.FilterSlot}
        ORDER BY business_date, currency
        """, [MartCinemaDay]);

    /// <summary>Screens that played in the period, with the seats dim_screen gives them.</summary>
    public static readonly KpiQuery CinemaScreens = new(nameof(CinemaScreens), $"""
        SELECT s.screen_id, d.capacity AS seats, s.sessions, s.adm, s.capacity, s.occupancy_adm
        FROM (
            SELECT cinema_id, screen_id, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
                   {OccupancyCapacity} AS capacity, {OccupancyAdm} AS occupancy_adm
            FROM fact_session
            WHERE cinema_id = ? AND {KpiQuery.FilterSlot}
            GROUP BY cinema_id, screen_id
        ) s
        LEFT JOIN dim_screen d ON d.cinema_id = s.cinema_id AND d.screen_id = s.screen_id
        ORDER BY s.screen_id
        """, [FactSession, "dim_screen"]);

    public static readonly KpiQuery CinemaDayparts = new(nameof(CinemaDayparts), $"""
        SELECT day_part, currency, COUNT(*) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE cinema_id = ? AND {KpiQuery.FilterSlot}
        GROUP BY day_part, currency
        ORDER BY day_part, currency
        """, [FactSession]);

    public static readonly KpiQuery CinemaDaypartsFromMart = new(nameof(CinemaDaypartsFromMart), $"""
        SELECT day_part, currency, CAST(SUM(sessions) AS BIGINT) AS sessions, CAST(SUM(adm) AS BIGINT) AS adm,
               CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM mart_daypart_weekday
        WHERE cinema_id = ? AND {KpiQuery.FilterSlot}
        GROUP BY day_part, currency
        ORDER BY day_part, currency
        """, [MartDaypartWeekday]);

    public static IReadOnlyList<KpiQuery> All { get; } =
    [
        FilterDates, FilterCinemas, CinemaDates, Coverage, FilterFilms,
        KpiTotals, KpiTotalsFromMart, Daily, DailyFromMart, TopFilms, Cinemas, CinemasFromMart,
        DaypartWeekday, DaypartWeekdayFromMart, GenreMix, DistributorGbo,
        Film, FilmFromWeeks, FilmDays, FilmWeekScreens, FilmScreens, MarketWeeks, FilmCinemas,
        CinemaDays, CinemaDaysFromMart, CinemaScreens, CinemaDayparts, CinemaDaypartsFromMart,
    ];

    /// <summary>Every table a dashboard query reads (fact_ticket_line is not among them: the marts and fact_session carry its roll-up).</summary>
    public static IReadOnlySet<string> TablesRead { get; } = All.SelectMany(q => q.Tables).ToHashSet(StringComparer.Ordinal);
}
