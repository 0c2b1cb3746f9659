using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// One in-memory DuckDB database whose views (one per curated table, named like it) read the
/// files of one <see cref="PublishedCatalog"/>, with a pool of connections to it. A new data
/// version gets a new view set; the old one closes once its last query has returned its connection.
/// </summary>
public sealed class DuckDbViewSet
{
    private readonly DuckDBConnection _database;
    private readonly Stack<DuckDBConnection> _idle = new();
    private readonly Lock _gate = new();
    private int _leased;
    private bool _retired;

    private DuckDbViewSet(string fingerprint, DuckDBConnection database)
    {
        Fingerprint = fingerprint;
        _database = database;
    }

    public string Fingerprint { get; }

    public static DuckDbViewSet Create(PublishedCatalog catalog)
    {
        var root = catalog.LocalRoot ?? throw new InvalidOperationException("DuckDB reads local files: the catalog has no local root.");
        var database = new DuckDBConnection("DataSource=:memory:");
        database.Open();
        try
        {
            Execute(database, "SET parquet_metadata_cache = true");
            foreach (var table in CuratedTables.All)
            {
                Execute(database, ViewSql(table, catalog.Table(table.Name).Files.Select(key => Path.Combine(root, key)).ToList()));
            }
            return new DuckDbViewSet(catalog.Fingerprint, database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>A connection to this view set, or null when it has been retired (ask for the current one again).</summary>
    public DuckDBConnection? TryLease()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }
            if (!_idle.TryPop(out var connection))
            {
                connection = _database.Duplicate();
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    connection.Open();
                }
            }
            _leased++;
            return connection;
        }
    }

    public void Return(DuckDBConnection connection)
    {
        lock (_gate)
        {
            _leased--;
            if (!_retired)
            {
                _idle.Push(connection);
                return;
            }
            connection.Dispose();
            if (_leased == 0)
            {
                CloseLocked();
            }
        }
    }

    /// <summary>No new leases; the database closes when the last leased connection comes back.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_leased == 0)
            {
                CloseLocked();
            }
        }
    }

    private void CloseLocked()
    {
        while (_idle.TryPop(out var idle))
        {
            idle.Dispose();
        }
        _database.Dispose();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A view over exactly the published files (never a glob: a file being replaced is not yet
    /// published), or an empty view of the same columns when there are none. The paths are the
    /// application's own store keys, quoted as SQL strings; no user input reaches this text.
    /// </summary>
    private static string ViewSql(TableSchema table, IReadOnlyList<string> files)
    {
        if (files.Count > 0)
        {
            var list = string.Join(", ", files.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
            var hive = table.PartitionColumn is null
                ? ""
                : $", hive_partitioning = true, hive_types = {{'{table.PartitionColumn}': DATE}}";
            return $"CREATE VIEW {table.Name} AS SELECT * FROM read_parquet([{list}]{hive})";
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
