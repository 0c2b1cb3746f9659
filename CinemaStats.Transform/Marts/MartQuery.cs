using System.Numerics;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using DuckDB.NET.Data;

namespace CinemaStats.Transform.Marts;

/// <summary>
/// SQL over the published Parquet of the partitions an asset was handed, in an in-process DuckDB
/// (streaming, spilling to disk, every core): each upstream table is a view named like it over
/// exactly its input files, so a mart's statement reads as it would on Athena. Files the store
/// cannot give as local paths are downloaded first, under their own keys (the partition column
/// comes from the key).
/// </summary>
public sealed class MartQuery : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string? _downloads;

    private MartQuery(DuckDBConnection connection, string? downloads) => (_connection, _downloads) = (connection, downloads);

    public static async Task<MartQuery> OpenAsync(IObjectStore store, IEnumerable<(TableSchema Table, IReadOnlyList<InputVersion> Files)> tables, CancellationToken cancellationToken)
    {
        string? downloads = null;
        var relations = new List<string>();
        foreach (var (table, files) in tables)
        {
            var paths = new List<string>();
            foreach (var file in files)
            {
                if (store.LocalPathOf(file.Key) is { } local)
                {
                    paths.Add(local);
                    continue;
                }
                downloads ??= Directory.CreateTempSubdirectory("cinemastats-mart-").FullName;
                var path = Path.Combine(downloads, file.Key.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var source = await store.OpenReadAsync(file.Key, cancellationToken))
                await using (var target = File.Create(path))
                {
                    await source.CopyToAsync(target, cancellationToken);
                }
                paths.Add(path);
            }
            relations.Add(ParquetRelationSql.CreateView(table, paths, byName: true)); // a week may hold dates written before a column was added
        }
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            // A partition's inputs are small: a modest buffer pool keeps the worker's memory bounded, and DuckDB spills past it.
            string[] settings = [$"SET temp_directory = '{Path.Combine(Path.GetTempPath(), "cinemastats-duckdb").Replace("'", "''", StringComparison.Ordinal)}'", "SET memory_limit = '128MB'"];
            foreach (var statement in settings.Concat(relations))
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
            return new MartQuery(connection, downloads);
        }
        catch
        {
            connection.Dispose();
            if (downloads is not null)
            {
                Directory.Delete(downloads, recursive: true);
            }
            throw;
        }
    }

    /// <summary>The rows of <paramref name="sql"/> as the columns of <paramref name="output"/> (by name; other columns are ignored).</summary>
    public TableColumns Read(TableSchema output, string sql, IReadOnlyList<object> parameters)
    {
        var rows = Rows(sql, parameters, out var names);
        var table = TableColumns.Create(output, rows.Count);
        foreach (var column in output.Columns)
        {
            var ordinal = names.IndexOf(column.Name);
            if (ordinal < 0)
            {
                throw new InvalidOperationException($"The SQL of {output.Name} gives no column {column.Name}.");
            }
            var values = table[column.Name];
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(Convert(rows[i][ordinal], column), i);
            }
        }
        return table;
    }

    /// <summary>The rows of <paramref name="sql"/>, values as DuckDB gives them.</summary>
    public List<object?[]> Rows(string sql, IReadOnlyList<object> parameters, out List<string> names)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }
        using var reader = command.ExecuteReader();
        names = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static object? Convert(object? value, TableColumn column) => value switch
    {
        null => null,
        _ => column.Type switch
        {
            ColumnType.String => (string)value,
            ColumnType.Int32 => System.Convert.ToInt32(Whole(value)),
            ColumnType.Int64 => (long)Whole(value),
            ColumnType.Boolean => (bool)value,
            ColumnType.Date => value switch
            {
                DateOnly date => date,
                DateTime time => DateOnly.FromDateTime(time),
                _ => throw new InvalidCastException($"{column.Name}: {value.GetType().Name} is not a date"),
            },
            ColumnType.TimestampUtc => value switch
            {
                DateTimeOffset offset => offset.UtcDateTime,
                DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                _ => throw new InvalidCastException($"{column.Name}: {value.GetType().Name} is not an instant"),
            },
            ColumnType.TimestampLocal => (DateTime)value,
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
        },
    };

    private static long Whole(object value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        BigInteger big => checked((long)big),
        Int128 big => checked((long)big),
        ulong u => checked((long)u),
        _ => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        _connection.Dispose();
        if (_downloads is not null)
        {
            Directory.Delete(_downloads, recursive: true);
        }
    }
}
