namespace CinemaStats.Core.Tables;

public static partial class StagingTables
{
    public static readonly TableSchema StgPosTransactions = new(
        "stg_pos_transactions",
        [
            .. CuratedTables.FactTicketLine.Columns.Where(c => c.Name is not "source_object"),
            new("flags", ColumnType.String, Nullable: true, LowCardinality: true,
                Description: "what cleaning noticed but kept, comma-separated (session_id_missing, time_zone_unknown)"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; the latest wins"),
        ],
        PartitionColumn: "business_date",
        Description: "Parsed pos_transactions lines of one raw object and business date.");
}
