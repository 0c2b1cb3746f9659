using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// One in-memory DuckDB database with one relation per curated table, named like it, holding the
/// files of one <see cref="PublishedCatalog"/>, with a pool of connections to it. A relation is a
/// view over the Parquet files, or, for the tables <see cref="Create"/> is told to load, an
/// in-memory table copied from them. A new data version gets a new set; the old one closes once
/// its last query has returned its connection.
/// </summary>
public sealed class DuckDbViewSet
{
    private readonly DuckDBConnection _database;
    private readonly Stack<DuckDBConnection> _idle = new();
    private readonly Lock _gate = new();
    private int _leased;
    private bool _retired;

    private DuckDbViewSet(string fingerprint, DuckDBConnection database, IReadOnlyList<string> loaded)
    {
        Fingerprint = fingerprint;
        _database = database;
        Loaded = loaded;
    }

    public string Fingerprint { get; }

    /// <summary>The tables held in memory; every other table is a view over its Parquet files.</summary>
    public IReadOnlyList<string> Loaded { get; }

    /// <param name="load">Whether a table is copied into memory (given its published Parquet size in bytes) rather than read in place.</param>
    public static DuckDbViewSet Create(PublishedCatalog catalog, Func<TableSchema, long, bool>? load = null)
    {
        var root = catalog.LocalRoot ?? throw new InvalidOperationException("DuckDB reads local files: the catalog has no local root.");
        var database = new DuckDBConnection("DataSource=:memory:");
        database.Open();
        try
        {
            Execute(database, "SET parquet_metadata_cache = true");
            var loaded = new List<string>();
            foreach (var table in CuratedTables.All)
            {
                var files = catalog.Table(table.Name).Files.Select(key => Path.Combine(root, key)).ToList();
                var inMemory = load is not null && files.Count > 0 && load(table, files.Sum(f => new FileInfo(f).Length));
                Execute(database, RelationSql(table, files, inMemory));
                if (inMemory)
                {
                    loaded.Add(table.Name);
                }
            }
            return new DuckDbViewSet(catalog.Fingerprint, database, loaded);
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
    /// A view (or an in-memory copy) of exactly the published files (never a glob: a file being
    /// replaced is not yet published), or an empty view of the same columns when there are none.
    /// The paths are the application's own store keys, quoted as SQL strings; no user input reaches
    /// this text. A copy keeps the files' row order (partitions in date order), so DuckDB's per-block
    /// min/max still skips the days outside a date range.
    /// </summary>
    private static string RelationSql(TableSchema table, IReadOnlyList<string> files, bool inMemory)
    {
        if (files.Count > 0)
        {
            var list = string.Join(", ", files.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
            var hive = table.PartitionColumn is null
                ? ""
                : $", hive_partitioning = true, hive_types = {{'{table.PartitionColumn}': DATE}}";
            return $"CREATE {(inMemory ? "TABLE" : "VIEW")} {table.Name} AS SELECT * FROM read_parquet([{list}]{hive})";
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
