namespace CinemaStats.Core.Tables;

/// <summary>
/// The DuckDB statement that names a curated table over exactly the given Parquet files (never a
/// glob: a file being replaced is not yet published), with its partition column typed from the
/// files' keys, or an empty relation of the same columns when there are none. The transform's mart
/// SQL and the web's query engine both read tables through it. Paths are the application's own
/// store keys, quoted as SQL strings; no user input reaches this text.
/// </summary>
public static class ParquetRelationSql
{
    /// <param name="kind"><c>VIEW</c>, or <c>TABLE</c> for an in-memory copy.</param>
    public static string Create(TableSchema table, IReadOnlyList<string> files, string kind = "VIEW", string? name = null) =>
        $"CREATE {kind} {name ?? table.Name} AS {Select(table, files)}";

    /// <summary>The SELECT over the files (or an empty one of the same columns).</summary>
    public static string Select(TableSchema table, IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            var list = string.Join(", ", files.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
            var hive = table.PartitionColumn is null
                ? ""
                : $", hive_partitioning = true, hive_types = {{'{table.PartitionColumn}': DATE}}";
            return $"SELECT * FROM read_parquet([{list}]{hive})";
        }
        var columns = table.Columns.Select(c => $"CAST(NULL AS {DuckDbType(c.Type)}) AS {c.Name}").ToList();
        if (table.PartitionColumn is not null)
        {
            columns.Add($"CAST(NULL AS DATE) AS {table.PartitionColumn}");
        }
        return $"SELECT {string.Join(", ", columns)} WHERE false";
    }

    public static string DuckDbType(ColumnType type) => type switch
    {
        ColumnType.String => "VARCHAR",
        ColumnType.Int32 => "INTEGER",
        ColumnType.Int64 => "BIGINT",
        ColumnType.Boolean => "BOOLEAN",
        ColumnType.Date => "DATE",
        ColumnType.TimestampUtc => "TIMESTAMP WITH TIME ZONE",
        ColumnType.TimestampLocal => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };
}
