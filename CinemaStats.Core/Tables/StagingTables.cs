namespace CinemaStats.Core.Tables;

/// <summary>
/// Tables the transform keeps between a raw object and the curated model: each raw object's
/// parsed rows, split by business date, so a curated partition can be rebuilt from all inputs.
/// </summary>
public static partial class StagingTables
{
    /// <summary>fact_session columns that are not in the raw file: the film match, the calendar and the sales roll-up.</summary>
    private static readonly HashSet<string> FactSessionDerivedColumns =
    [
        "film_key", "film_match_confidence", "film_title", "genre", "distributor",
        "day_part", "iso_weekday", "film_week",
        "adm", "paid_adm", "gbo_minor", "concessions_minor",
    ];

    public static readonly TableSchema StgSessions = new(
        "stg_sessions",
        [
            .. CuratedTables.FactSession.Columns.Where(c => !FactSessionDerivedColumns.Contains(c.Name) && c.Name != "source_object"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; the latest wins"),
        ],
        PartitionColumn: "business_date",
        Description: "Parsed sessions rows of one raw object and business date.");
}
