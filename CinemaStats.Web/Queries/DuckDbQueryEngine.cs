using System.Data.Common;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Tables;
using DuckDB.NET.Data;

namespace CinemaStats.Web.Queries;

/// <summary>
/// Runs SQL on DuckDB over the curated Parquet. Each table of <see cref="CuratedTables"/> is a
/// view named like the table, so queries read <c>FROM fact_session</c> as they would on Athena.
/// Values come only through parameters; the SQL text is the application's own.
/// </summary>
public sealed class DuckDbQueryEngine(ICuratedFiles files)
{
    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        IReadOnlyDictionary<string, object?> parameters,
        Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
    {
        var root = await files.GetLocalRootAsync(cancellationToken);
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        foreach (var table in CuratedTables.All)
        {
            await using var view = connection.CreateCommand();
            view.CommandText = ViewSql(table, root);
            await view.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    /// <summary>
    /// A view over the files the table's published partition states name (never a glob: a file
    /// being replaced is not yet published), or an empty view of the same columns when there are none.
    /// </summary>
    private static string ViewSql(TableSchema table, string root)
    {
        var files = PublishedFiles.Of(root, table.Name).Select(key => Path.Combine(root, key).Replace("'", "''")).ToList();
        if (files.Count > 0)
        {
            var hive = table.PartitionColumn is null
                ? ""
                : $", hive_partitioning = true, hive_types = {{'{table.PartitionColumn}': DATE}}";
            return $"CREATE VIEW {table.Name} AS SELECT * FROM read_parquet([{string.Join(", ", files.Select(f => $"'{f}'"))}]{hive})";
        }
        var columns = table.Columns.Select(c => $"CAST(NULL AS {DuckDbType(c.Type)}) AS {c.Name}").ToList();
        if (table.PartitionColumn is not null)
        {
            columns.Add($"CAST(NULL AS DATE) AS {table.PartitionColumn}");
        }
        return $"CREATE VIEW {table.Name} AS SELECT {string.Join(", ", columns)} WHERE false";
    }

    private static string DuckDbType(ColumnType type) => type switch
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
