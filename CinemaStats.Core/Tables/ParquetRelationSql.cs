namespace CinemaStats.Core.Tables;

/// <summary>
/// The DuckDB SQL that reads a curated table from exactly the given Parquet files (never a glob: a
/// file being replaced is not yet published), its partition column typed DATE from the files' keys.
/// The transform's mart SQL and the web's query engine both read tables through it. Paths are the
/// application's own store keys, quoted as SQL strings; no user input reaches this text.
/// </summary>
public static class ParquetRelationSql
{
    /// <summary>
    /// <c>read_parquet</c> over <paramref name="files"/> (at least one), in the order given. With
    /// <paramref name="byName"/> their columns are matched by name, every footer read first: files
    /// written before a nullable column was added read it as null beside files that have it (as
    /// <see cref="ParquetTableReader"/> does). Without, the first file's columns are the relation's.
    /// </summary>
    public static string ReadParquet(TableSchema table, IEnumerable<string> files, bool byName = true)
    {
        var list = string.Join(", ", files.Select(Quote));
        var hive = table.PartitionColumn is null
            ? ""
            : $", hive_partitioning = true, hive_types = {{'{table.PartitionColumn}': DATE}}";
        return $"read_parquet([{list}]{(byName ? ", union_by_name = true" : "")}{hive})";
    }

    /// <summary>A view named like the table over exactly <paramref name="files"/>, or an empty view of the same columns when there are none.</summary>
    public static string CreateView(TableSchema table, IReadOnlyList<string> files, bool orReplace = false, bool byName = false) =>
        $"CREATE {(orReplace ? "OR REPLACE " : "")}VIEW {table.Name} AS {Select(table, files, byName)}";

    /// <summary>
    /// The SELECT over the files, or an empty one of the same columns. Without <paramref name="byName"/>
    /// (the web's views over thousands of files) one footer is read when it is made: the columns are the first file's.
    /// </summary>
    public static string Select(TableSchema table, IReadOnlyList<string> files, bool byName = false)
    {
        if (files.Count > 0)
        {
            return $"SELECT * FROM {ReadParquet(table, files, byName)}";
        }
        var columns = table.Columns.Select(c => $"CAST(NULL AS {DuckDbType(c.Type)}) AS {c.Name}").ToList();
        if (table.PartitionColumn is not null)
        {
            columns.Add($"CAST(NULL AS DATE) AS {table.PartitionColumn}");
        }
        return $"SELECT {string.Join(", ", columns)} WHERE false";
    }

    public static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

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
