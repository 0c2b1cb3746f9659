namespace CinemaStats.Core.Tables;

/// <summary>The pinned schemas of the curated model (docs/data-contract.md). Every writer and reader uses these.</summary>
public static partial class CuratedTables
{
    public static readonly TableSchema FactSession = new(
        "fact_session",
        [
            new("session_id", ColumnType.String, Nullable: false, Description: "vendor session id, the key"),
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("screen_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("film_code", ColumnType.String, Nullable: true, LowCardinality: true),
            new("film_title_raw", ColumnType.String, Nullable: true, LowCardinality: true),
            new("film_key", ColumnType.String, Nullable: true, LowCardinality: true, Description: "dim_film key the raw title matched; null when no film matched"),
            new("film_match_confidence", ColumnType.Int32, Nullable: true, Description: "0..100, how sure the title match is; null when unmatched"),
            new("film_title", ColumnType.String, Nullable: false, LowCardinality: true, Description: "dim_film title when matched, else the cleaned raw title"),
            new("genre", ColumnType.String, Nullable: true, LowCardinality: true, Description: "dim_film genre; null when unmatched or unknown"),
            new("distributor", ColumnType.String, Nullable: false, LowCardinality: true, Description: "dim_film parent distributor; Unknown when unmatched or unknown"),
            new("showtime_local", ColumnType.TimestampLocal, Nullable: false, Description: "wall clock in cinema_tz"),
            new("showtime_utc", ColumnType.TimestampUtc, Nullable: false),
            new("format", ColumnType.String, Nullable: true, LowCardinality: true),
            new("language", ColumnType.String, Nullable: true, LowCardinality: true),
            new("price_group", ColumnType.String, Nullable: true, LowCardinality: true),
            new("status", ColumnType.String, Nullable: false, LowCardinality: true),
            new("day_part", ColumnType.String, Nullable: false, LowCardinality: true, Description: "matinee (< 17:00), evening (17:00-20:59), late (>= 21:00) of showtime_local"),
            new("iso_weekday", ColumnType.Int32, Nullable: false, Description: "weekday of business_date, 1 = Monday .. 7 = Sunday"),
            new("film_week", ColumnType.Date, Nullable: false, Description: "the Friday that starts the film week (Fri-Thu) of business_date"),
            new("cinema_tz", ColumnType.String, Nullable: false, LowCardinality: true),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("capacity", ColumnType.Int32, Nullable: true, Description: "seats; null when the source left it empty"),
            new("adm", ColumnType.Int64, Nullable: false, Description: "admissions rolled up from POS ticket lines"),
            new("paid_adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false, Description: "gross box office in minor units of currency"),
            new("concessions_minor", ColumnType.Int64, Nullable: false),
            new("flags", ColumnType.String, Nullable: true, LowCardinality: true,
                Description: "what cleaning decided but kept, comma-separated (ambiguous_time_resolved, capacity_missing); docs/data-contract.md"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
        ],
        PartitionColumn: "business_date",
        Description: "One row per session, with its sales rolled up.");

    /// <summary>Every curated table, in the order the Glue export lists them.</summary>
    /// <remarks>A property, not a field: the tables are fields of other files of this partial class, whose initialization order C# does not define.</remarks>
    public static IReadOnlyList<TableSchema> All => [FactSession, FactTicketLine, DimFilm, DimScreen, DimCinema, MartCinemaDay, MartFilmWeek, MartDistributorWeek, MartDaypartWeekday, MartScreenMonth];
}
