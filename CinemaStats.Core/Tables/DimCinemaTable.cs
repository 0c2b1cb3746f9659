namespace CinemaStats.Core.Tables;

public static partial class CuratedTables
{
    /// <summary>One row per cinema of the optional cinemas reference file: the name and region analysts know it by.</summary>
    public static readonly TableSchema DimCinema = new(
        "dim_cinema",
        [
            new("cinema_id", ColumnType.String, Nullable: false, Description: "the id the sessions and POS files use, the key"),
            new("cinema_name", ColumnType.String, Nullable: false, Description: "the name shown on the dashboard"),
            new("region", ColumnType.String, Nullable: true, LowCardinality: true, Description: "region or territory; null when the file gave none"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
        ],
        PartitionColumn: null,
        Description: "One row per cinema of the cinemas reference file; the latest received copy of a cinema wins.");
}
