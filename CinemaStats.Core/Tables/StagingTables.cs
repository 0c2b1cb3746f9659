namespace CinemaStats.Core.Tables;

/// <summary>
/// Tables the transform keeps between a raw object and the curated model: each raw object's
/// parsed rows, split by business date, so a curated partition can be rebuilt from all inputs.
/// </summary>
public static partial class StagingTables
{
    public static readonly TableSchema StgSessions = new(
        "stg_sessions",
        [
            .. CuratedTables.FactSession.Columns.Where(c => c.Name is not ("adm" or "paid_adm" or "gbo_minor" or "concessions_minor" or "source_object")),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; the latest wins"),
        ],
        PartitionColumn: "business_date",
        Description: "Parsed sessions rows of one raw object and business date.");
}
