namespace CinemaStats.Core.Tables;

/// <summary>The pinned schemas of the curated model (DATA.md). Every writer and reader uses these.</summary>
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
            new("showtime_local", ColumnType.TimestampLocal, Nullable: false, Description: "wall clock in cinema_tz"),
            new("showtime_utc", ColumnType.TimestampUtc, Nullable: false),
            new("format", ColumnType.String, Nullable: true, LowCardinality: true),
            new("language", ColumnType.String, Nullable: true, LowCardinality: true),
            new("price_group", ColumnType.String, Nullable: true, LowCardinality: true),
            new("status", ColumnType.String, Nullable: false, LowCardinality: true),
            new("cinema_tz", ColumnType.String, Nullable: false, LowCardinality: true),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("capacity", ColumnType.Int32, Nullable: true, Description: "seats; null when the source left it empty"),
            new("adm", ColumnType.Int64, Nullable: false, Description: "admissions rolled up from POS ticket lines"),
            new("paid_adm", ColumnType.Int64, Nullable: false),
            new("gbo_minor", ColumnType.Int64, Nullable: false, Description: "gross box office in minor units of currency"),
            new("concessions_minor", ColumnType.Int64, Nullable: false),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
        ],
        PartitionColumn: "business_date",
        Description: "One row per session, with its sales rolled up.");

    /// <summary>Every curated table, in the order the Glue export lists them.</summary>
    /// <remarks>A property, not a field: the tables are fields of other files of this partial class, whose initialization order C# does not define.</remarks>
    public static IReadOnlyList<TableSchema> All => [FactSession, FactTicketLine, DimFilm];
}
