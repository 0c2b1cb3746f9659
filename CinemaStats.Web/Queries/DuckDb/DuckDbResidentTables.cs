using System.Diagnostics;
using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>What one <see cref="DuckDbResidentTables.Apply"/> did.</summary>
/// <param name="FilesRead">Parquet files read into memory tables.</param>
/// <param name="PartitionsReplaced">Partitions whose rows were deleted, re-read or added (an unpartitioned table counts as one).</param>
/// <param name="Compressed">Whether the checkpoint after the commit ran (DuckDB may refuse it while queries run; the next one catches up).</param>
public sealed record ResidentUpdate(string Version, int FilesRead, int PartitionsReplaced, IReadOnlyList<string> InMemory, TimeSpan Elapsed, bool Compressed);

/// <summary>
/// The engine's one long-lived DuckDB database: one relation per curated table, named like it. A
/// table the dashboard reads and that fits (see <see cref="Apply"/>) is an in-memory table, kept up
/// to date partition by partition; every other table is a view over its published files.
/// <para>
/// A new data version is taken in by one transaction that deletes the rows of the partitions whose
/// files changed or went and inserts the rows of the changed and new ones, reading only their
/// files. A table held for the first time or mostly changed is built beside the live one in steps
/// and renamed into place in that transaction. Held tables live in a compressed in-memory catalog:
/// a checkpoint after each step and update compresses the rows just added and drops deleted ones.
/// </para>
/// <para>
/// Each query is its own transaction, so it sees one version whole (DuckDB's MVCC). The version a
/// query is meant to see is checked around its start (<see cref="TryLease"/>, <see cref="StillAt"/>):
/// a query that may have started across a commit is run again.
/// </para>
/// </summary>
public sealed class DuckDbResidentTables
{
    private readonly DuckDbDatabase _database;

    /// <summary>Per in-memory table, each partition held: its identity (files with their data versions) and Parquet size.</summary>
    private Dictionary<string, Dictionary<string, Partition>> _held = new(StringComparer.Ordinal);

    /// <summary>Per table read in place, the table version its view reads.</summary>
    private Dictionary<string, string> _viewed = new(StringComparer.Ordinal);

    /// <summary>Even while the data stands still; odd while a commit is on its way (a sequence lock).</summary>
    private long _sequence;

    private volatile string? _version;

    public DuckDbResidentTables(int memoryLimitMiB, int threads) => _database = DuckDbDatabase.Open(memoryLimitMiB, threads, compressed: true);

    /// <summary>
    /// Parquet bytes read into a table between two checkpoints when it is built anew: DuckDB holds
    /// rows uncompressed until a checkpoint compresses them (about 13 times the Parquet size).
    /// </summary>
    public long StageBatchBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>The fingerprint of the data version held, null before the first <see cref="Apply"/>.</summary>
    public string? Version => _version;

    /// <summary>
    /// A connection for a query of <paramref name="fingerprint"/>, with the sequence to give
    /// <see cref="StillAt"/> once the query has started; null when another version is held or one is being committed.
    /// </summary>
    public (DuckDBConnection Connection, long Sequence)? TryLease(string fingerprint)
    {
        var sequence = Volatile.Read(ref _sequence);
        if ((sequence & 1) == 1 || _version != fingerprint || _database.TryLease() is not { } connection)
        {
            return null;
        }
        if (Volatile.Read(ref _sequence) != sequence)
        {
            _database.Return(connection);
            return null;
        }
        return (connection, sequence);
    }

    public void Return(DuckDBConnection connection) => _database.Return(connection);

    /// <summary>No commit began since <paramref name="sequence"/>: a query started in between sees the version it was leased for.</summary>
    public bool StillAt(long sequence) => Volatile.Read(ref _sequence) == sequence;

    /// <summary>
    /// Brings the tables to <paramref name="catalog"/> in one transaction. Not to be called concurrently.
    /// On failure (a file gone because a newer version replaced it) nothing changes.
    /// </summary>
    /// <param name="candidates">The tables held in memory when their published Parquet is at most <paramref name="maxBytes"/>.</param>
    public ResidentUpdate Apply(PublishedCatalog catalog, IReadOnlySet<string> candidates, long maxBytes)
    {
        var root = catalog.LocalRoot ?? throw new InvalidOperationException("DuckDB reads local files: the catalog has no local root.");
        var timer = Stopwatch.StartNew();
        var connection = _database.TryLease() ?? throw new ObjectDisposedException(nameof(DuckDbResidentTables));
        try
        {
            var held = new Dictionary<string, Dictionary<string, Partition>>(StringComparer.Ordinal);
            var viewed = new Dictionary<string, string>(StringComparer.Ordinal);
            var staged = new List<TableSchema>();
            var filesRead = 0;
            var replaced = 0;
            var committing = false;
            try
            {
                foreach (var table in CuratedTables.All)
                {
                    var publication = catalog.Table(table.Name);
                    var before = _held.GetValueOrDefault(table.Name);
                    var partitions = publication.Files.Count > 0 && candidates.Contains(table.Name) ? Partitions(table, publication, root, before) : null;
                    if (partitions is not null && partitions.Values.Sum(p => p.Bytes) <= maxBytes)
                    {
                        held[table.Name] = partitions;
                    }
                }
                // Tables held for the first time, or mostly changed, are built beside the ones queries read, in
                // steps each compressed before the next, then swapped in below; the rest change in place.
                // So is a table that a new partition gives a column it lacks (written by a newer schema).
                var rebuilt = held.Where(h => MostlyChanged(h.Value, _held.GetValueOrDefault(h.Key))
                    || GainsColumns(connection, h.Key, root, h.Value, _held[h.Key])).ToList();
                foreach (var (name, partitions) in rebuilt)
                {
                    var table = CuratedTables.All.Single(t => t.Name == name);
                    filesRead += Stage(connection, table, root, partitions);
                    replaced += partitions.Count;
                    staged.Add(table);
                }
                DuckDbDatabase.Execute(connection, "BEGIN TRANSACTION");
                foreach (var table in CuratedTables.All)
                {
                    var publication = catalog.Table(table.Name);
                    if (staged.Contains(table))
                    {
                        DuckDbDatabase.Execute(connection, _held.ContainsKey(table.Name) ? $"DROP TABLE {table.Name}" : $"DROP VIEW IF EXISTS {table.Name}");
                        DuckDbDatabase.Execute(connection, $"ALTER TABLE {StagedName(table)} RENAME TO {table.Name}");
                    }
                    else if (held.TryGetValue(table.Name, out var partitions))
                    {
                        var (files, changed) = Update(connection, table, root, partitions, _held[table.Name]);
                        filesRead += files;
                        replaced += changed;
                    }
                    else
                    {
                        View(connection, table, root, publication);
                        viewed[table.Name] = publication.Version;
                    }
                }
                Interlocked.Increment(ref _sequence);
                committing = true;
                DuckDbDatabase.Execute(connection, "COMMIT");
                (_held, _viewed, _version) = (held, viewed, catalog.Fingerprint);
            }
            catch when (!committing)
            {
                TryExecute(connection, "ROLLBACK");
                foreach (var table in staged)
                {
                    TryExecute(connection, $"DROP TABLE IF EXISTS {StagedName(table)}");
                }
                throw;
            }
            finally
            {
                if (committing)
                {
                    // Committed, or the commit failed and nothing changed: either way a query that started meanwhile looks again.
                    Interlocked.Increment(ref _sequence);
                }
            }
            // Compresses the rows just added and drops the deleted ones; while queries are running DuckDB may
            // refuse, and the next update compresses them.
            var compressed = TryCheckpoint(connection);
            return new ResidentUpdate(catalog.Fingerprint, filesRead, replaced, held.Keys.ToList(), timer.Elapsed, compressed);
        }
        finally
        {
            _database.Return(connection);
        }
    }

    /// <summary>No new queries; the database closes when the last running one returns its connection.</summary>
    public void Retire() => _database.Retire();

    /// <summary>
    /// The table's files grouped by partition; a partition's identity is its files with their data
    /// versions. Only the files of partitions not held as they are now are looked at on disk.
    /// </summary>
    private static Dictionary<string, Partition> Partitions(TableSchema table, TablePublication publication, string root, Dictionary<string, Partition>? held)
    {
        var partitions = new Dictionary<string, Partition>(StringComparer.Ordinal);
        foreach (var group in publication.Files.GroupBy(key => DuckDbRelations.PartitionOf(table, key), StringComparer.Ordinal))
        {
            var files = group.Order(StringComparer.Ordinal).ToList();
            var identity = string.Join("\n", files.Select(f => $"{f}@{publication.FileVersions.GetValueOrDefault(f)}"));
            partitions[group.Key] = held?.GetValueOrDefault(group.Key) is { } same && same.Identity == identity
                ? same
                : new Partition(files, identity, files.Sum(key => new FileInfo(Path.Combine(root, key)).Length));
        }
        return partitions;
    }

    /// <summary>Whether a table is built anew rather than changed in place: it was not held, or more than half its bytes changed.</summary>
    private static bool MostlyChanged(Dictionary<string, Partition> partitions, Dictionary<string, Partition>? before) =>
        before is null
        || 2 * partitions.Where(p => before.GetValueOrDefault(p.Key)?.Identity != p.Value.Identity).Sum(p => p.Value.Bytes) > partitions.Values.Sum(p => p.Bytes);

    private static string StagedName(TableSchema table) => $"{table.Name}__staged";

    /// <summary>Whether the files of the partitions that changed have a column the held table has not (footers only are read).</summary>
    private static bool GainsColumns(
        DuckDBConnection connection, string name, string root, Dictionary<string, Partition> partitions, Dictionary<string, Partition> before)
    {
        var table = CuratedTables.All.Single(t => t.Name == name);
        var files = partitions.Where(p => before.GetValueOrDefault(p.Key)?.Identity != p.Value.Identity)
            .SelectMany(p => p.Value.Files).Select(key => Path.Combine(root, key)).ToList();
        return files.Count > 0
            && !ColumnsOf(connection, $"SELECT * FROM {DuckDbRelations.ReadParquet(table, files)} LIMIT 0").IsSubsetOf(ColumnsOf(connection, $"SELECT * FROM {table.Name} LIMIT 0"));
    }

    private static HashSet<string> ColumnsOf(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    /// <summary>Builds the table anew under <see cref="StagedName"/>, in partition order, a checkpoint after each step.</summary>
    private int Stage(DuckDBConnection connection, TableSchema table, string root, Dictionary<string, Partition> partitions)
    {
        var batches = new List<List<string>> { new() };
        long bytes = 0;
        // Partition values are dates (yyyy-MM-dd) or "": in ordinal order they are in time order, so each block's min/max stays narrow.
        foreach (var partition in partitions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))
        {
            if (bytes > 0 && bytes + partition.Bytes > StageBatchBytes)
            {
                batches.Add([]);
                bytes = 0;
            }
            batches[^1].AddRange(partition.Files.Select(key => Path.Combine(root, key)));
            bytes += partition.Bytes;
        }
        // The columns of every file (footers only), so a batch written under a newer schema fits the table.
        var all = batches.SelectMany(b => b).ToList();
        DuckDbDatabase.Execute(connection, $"CREATE OR REPLACE TABLE {StagedName(table)} AS SELECT * FROM {DuckDbRelations.ReadParquet(table, all)} LIMIT 0");
        foreach (var batch in batches)
        {
            DuckDbDatabase.Execute(connection, $"INSERT INTO {StagedName(table)} BY NAME SELECT * FROM {DuckDbRelations.ReadParquet(table, batch)}");
            TryCheckpoint(connection);
        }
        return batches.Sum(b => b.Count);
    }

    /// <summary>Replaces, in the held table, the partitions that differ from <paramref name="before"/>: deletes their rows, then reads their files.</summary>
    private static (int FilesRead, int PartitionsReplaced) Update(
        DuckDBConnection connection, TableSchema table, string root, Dictionary<string, Partition> partitions, Dictionary<string, Partition> before)
    {
        var gone = before.Keys.Where(p => !partitions.TryGetValue(p, out var now) || now.Identity != before[p].Identity).ToList();
        var added = partitions.Keys.Where(p => before.GetValueOrDefault(p)?.Identity != partitions[p].Identity).Order(StringComparer.Ordinal).ToList();
        if (gone.Count > 0)
        {
            // An unpartitioned table is one partition: it is staged when it changes, so it never gets here.
            var values = string.Join(", ", gone.Select(DuckDbRelations.DateLiteral));
            DuckDbDatabase.Execute(connection, $"DELETE FROM {table.Name} WHERE {table.PartitionColumn} IN ({values})");
        }
        var files = added.SelectMany(p => partitions[p].Files).Select(key => Path.Combine(root, key)).ToList();
        if (files.Count > 0)
        {
            // Appended in partition order: a new day goes after the days before it.
            DuckDbDatabase.Execute(connection, $"INSERT INTO {table.Name} BY NAME SELECT * FROM {DuckDbRelations.ReadParquet(table, files)}");
        }
        return (files.Count, gone.Union(added).Count());
    }

    private static bool TryCheckpoint(DuckDBConnection connection) => TryExecute(connection, $"CHECKPOINT {DuckDbDatabase.Compressed}");

    private static bool TryExecute(DuckDBConnection connection, string sql)
    {
        try
        {
            DuckDbDatabase.Execute(connection, sql);
            return true;
        }
        catch (DuckDBException)
        {
            return false;
        }
    }

    /// <summary>A table read in place: its view is replaced when its files changed, and stands in for a table no longer held.</summary>
    private void View(DuckDBConnection connection, TableSchema table, string root, TablePublication publication)
    {
        if (_held.ContainsKey(table.Name))
        {
            DuckDbDatabase.Execute(connection, $"DROP TABLE {table.Name}");
        }
        else if (_viewed.GetValueOrDefault(table.Name) == publication.Version)
        {
            return;
        }
        var files = publication.Files.Select(key => Path.Combine(root, key)).ToList();
        DuckDbDatabase.Execute(connection, DuckDbRelations.CreateView(table, files, orReplace: true));
    }

    private sealed record Partition(IReadOnlyList<string> Files, string Identity, long Bytes);
}
