using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Cinemas;

/// <summary>The staged rows of one cinemas file: dim_cinema's columns, plus where and when each row was received, so the latest copy of a cinema can win.</summary>
public static class StgCinemasTable
{
    public static readonly TableSchema Schema = new(
        "stg_cinemas",
        [
            .. CuratedTables.DimCinema.Columns,
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; the latest wins"),
        ],
        PartitionColumn: null,
        Description: "Cleaned cinema rows of one raw cinemas file.");

    /// <summary><c>_pipeline/staging/stg_cinemas/{upload_id}.parquet</c>.</summary>
    public static string Key(string uploadId) => $"{Core.Layout.PipelineKey.StagingPrefix(Schema.Name)}{uploadId}.parquet";
}
