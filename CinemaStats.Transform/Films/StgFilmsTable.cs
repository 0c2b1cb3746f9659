using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Films;

/// <summary>The staged rows of one films file: dim_film's columns, plus where and when each row was received, so the latest copy of a film can win.</summary>
public static class StgFilmsTable
{
    public static readonly TableSchema Schema = new(
        "stg_films",
        [
            .. CuratedTables.DimFilm.Columns,
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line (or array position) of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; the latest wins"),
        ],
        PartitionColumn: null,
        Description: "Cleaned film rows of one raw films file.");

    /// <summary><c>_pipeline/staging/stg_films/{upload_id}.parquet</c>.</summary>
    public static string Key(string uploadId) => $"{Core.Layout.PipelineKey.StagingPrefix(Schema.Name)}{uploadId}.parquet";
}
