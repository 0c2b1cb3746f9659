namespace CinemaStats.Core.Tables;

public static partial class CuratedTables
{
    /// <summary>One row per cinema and screen, as the latest sessions describe it.</summary>
    public static readonly TableSchema DimScreen = new(
        "dim_screen",
        [
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("screen_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("capacity", ColumnType.Int32, Nullable: true, Description: "seats of the latest session with a capacity; null when no session gave one"),
            new("cinema_tz", ColumnType.String, Nullable: false, LowCardinality: true),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("first_business_date", ColumnType.Date, Nullable: false),
            new("last_business_date", ColumnType.Date, Nullable: false),
            new("sessions", ColumnType.Int64, Nullable: false),
        ],
        PartitionColumn: null,
        Description: "One row per cinema x screen, from fact_session.");
}
