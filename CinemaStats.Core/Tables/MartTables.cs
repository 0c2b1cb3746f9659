namespace CinemaStats.Core.Tables;

/// <summary>
/// The KPI marts: small, pre-aggregated tables, partitioned by business date, film week or month, built from fact_session (which carries the sales
/// roll-up); mart_cinema_day's concessions come from fact_ticket_line, counter sales included. Every amount is per currency, and every ratio is left to the query as Σ/Σ: a mart
/// holds the numerators and denominators, never a ratio.
/// </summary>
public static partial class CuratedTables
{
    public static readonly TableSchema MartCinemaDay = new(
        "mart_cinema_day",
        [
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("sessions", ColumnType.Int64, Nullable: false, Description: "every session, cancelled or not"),
            new("cancelled_sessions", ColumnType.Int64, Nullable: false),
            new("sessions_with_adm", ColumnType.Int64, Nullable: false, Description: "sessions with adm > 0 (show utilisation numerator)"),
            new("screens", ColumnType.Int32, Nullable: false, Description: "distinct screens with a session"),
            new("capacity", ColumnType.Int64, Nullable: false, Description: "Σ capacity over non-cancelled sessions with capacity > 0"),
            new("occupancy_adm", ColumnType.Int64, Nullable: false, Description: "Σ adm over the same sessions as capacity"),
            new("adm", ColumnType.Int64, Nullable: false),
            new("paid_adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false),
            new("concessions_minor", ColumnType.Int64, Nullable: false, Description: "Σ amount of every non-void CONCESSION line of the cinema, date and currency in fact_ticket_line, with or without a session (counter sales); SPH numerator"),
        ],
        PartitionColumn: "business_date",
        Description: "One row per cinema, business date and currency; a day with concession sales but no session has a row with sessions 0.");

    public static readonly TableSchema MartFilmWeek = new(
        "mart_film_week",
        [
            new("film_key", ColumnType.String, Nullable: false, Description: "dim_film key, or 'unmatched|' + cleaned raw title"),
            new("film_title", ColumnType.String, Nullable: false),
            new("distributor", ColumnType.String, Nullable: false, LowCardinality: true),
            new("genre", ColumnType.String, Nullable: true, LowCardinality: true),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("sessions", ColumnType.Int64, Nullable: false),
            new("cinemas", ColumnType.Int32, Nullable: false, Description: "distinct cinemas that played it that week"),
            new("screens", ColumnType.Int32, Nullable: false, Description: "distinct cinema x screen that played it that week"),
            new("adm", ColumnType.Int64, Nullable: false),
            new("paid_adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false),
            new("weekend_gbo_minor", ColumnType.Int64, Nullable: false, Description: "Fri-Sun of the week (business dates); in the first week, the opening weekend"),
        ],
        PartitionColumn: "film_week",
        Description: "One row per film, film week (Fri-Thu, partitioned by its Friday) and currency. Week numbers, the week before, cumulative GBO and the opening weekend depend on the film's other weeks: queries derive them (FilmRunSql), so a new week never rewrites the old ones.");

    public static readonly TableSchema MartDistributorWeek = new(
        "mart_distributor_week",
        [
            new("distributor", ColumnType.String, Nullable: false, LowCardinality: true, Description: "parent distributor; Unknown when unknown"),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("films", ColumnType.Int32, Nullable: false),
            new("adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false),
        ],
        PartitionColumn: "film_week",
        Description: "One row per distributor, film week and currency; share = gbo_minor / Σ gbo_minor of the same currency.");

    public static readonly TableSchema MartDaypartWeekday = new(
        "mart_daypart_weekday",
        [
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("iso_weekday", ColumnType.Int32, Nullable: false, Description: "1 = Monday .. 7 = Sunday"),
            new("day_part", ColumnType.String, Nullable: false, LowCardinality: true, Description: "matinee / evening / late"),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("sessions", ColumnType.Int64, Nullable: false),
            new("capacity", ColumnType.Int64, Nullable: false, Description: "Σ capacity over non-cancelled sessions with capacity > 0"),
            new("occupancy_adm", ColumnType.Int64, Nullable: false),
            new("adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false),
        ],
        PartitionColumn: "business_date",
        Description: "One row per cinema, business date, day-part and currency (the day-part x weekday heat map).");

    public static readonly TableSchema MartScreenMonth = new(
        "mart_screen_month",
        [
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("screen_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("sessions", ColumnType.Int64, Nullable: false),
            new("capacity", ColumnType.Int32, Nullable: true, Description: "seats of the month's latest session with a capacity above 0; null when none gave one"),
            new("capacity_showtime_utc", ColumnType.TimestampUtc, Nullable: true, Description: "showtime of the session capacity comes from"),
            new("latest_showtime_utc", ColumnType.TimestampUtc, Nullable: false),
            new("cinema_tz", ColumnType.String, Nullable: false, LowCardinality: true, Description: "of the month's latest session"),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true, Description: "of the month's latest session"),
            new("first_business_date", ColumnType.Date, Nullable: false),
            new("last_business_date", ColumnType.Date, Nullable: false),
        ],
        PartitionColumn: "month",
        Description: "One row per cinema x screen and month (partitioned by the month's first day): what dim_screen is folded from, so a new day reads one month, not all history.");
}
