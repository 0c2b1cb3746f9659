using System.Security.Cryptography;
using System.Text;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;

namespace CinemaStats.Web.Queries.Published;

/// <summary>What one table publishes: its files (store keys) and a version that changes whenever any of its partitions is re-materialized.</summary>
/// <param name="FileVersions">The data version of the partition that publishes each file: a file re-materialized under the same key gets a new one.</param>
public sealed record TablePublication(string Table, string Version, IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> FileVersions)
{
    public const string NothingPublished = "none";
}

/// <summary>
/// The published state of every curated table at one moment, read from the transform's partition
/// states. A table's version is derived from the data versions its partitions publish, so a new
/// materialization of one table changes that table's version and no other.
/// </summary>
public sealed class PublishedCatalog
{
    private readonly IReadOnlyDictionary<string, TablePublication> _tables;

    private PublishedCatalog(string? localRoot, IReadOnlyDictionary<string, TablePublication> tables)
    {
        LocalRoot = localRoot;
        _tables = tables;
        Fingerprint = VersionOf(CuratedTables.All.Select(t => t.Name));
    }

    /// <summary>The local folder holding the files in the store's key layout, when the engine reads files itself (DuckDB).</summary>
    public string? LocalRoot { get; }

    /// <summary>The versions of all tables together: equal fingerprints publish the same data.</summary>
    public string Fingerprint { get; }

    public static PublishedCatalog Empty(string? localRoot = null) => From(localRoot, []);

    public TablePublication Table(string name) =>
        _tables.TryGetValue(name, out var table) ? table : new TablePublication(name, TablePublication.NothingPublished, [], new Dictionary<string, string>());

    /// <summary>The version key of a query: the versions of exactly the tables it reads.</summary>
    public string VersionOf(IEnumerable<string> tables) =>
        string.Join(";", tables.Distinct().Order(StringComparer.Ordinal).Select(t => $"{t}@{Table(t).Version}"));

    public static PublishedCatalog From(string? localRoot, IEnumerable<AssetPartitionState> states)
    {
        var curated = CuratedTables.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var tables = states
            .Where(s => curated.Contains(s.Asset))
            .GroupBy(s => s.Asset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Publication(g.Key, g.OrderBy(s => s.Partition, StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
        return new PublishedCatalog(localRoot, tables);
    }

    private static TablePublication Publication(string table, IReadOnlyList<AssetPartitionState> partitions)
    {
        var identity = new StringBuilder();
        foreach (var state in partitions.Where(p => p.Files.Count > 0))
        {
            identity.Append(state.Partition).Append('=').Append(state.DataVersion).Append(':').AppendJoin(',', state.Files).Append('\n');
        }
        var files = partitions.SelectMany(p => p.Files).ToList();
        var version = files.Count == 0
            ? TablePublication.NothingPublished
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16];
        var fileVersions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var state in partitions)
        {
            foreach (var file in state.Files)
            {
                fileVersions[file] = state.DataVersion ?? "";
            }
        }
        return new TablePublication(table, version, files, fileVersions);
    }
}

/// <summary>Where the dashboard learns what the transform has published.</summary>
public interface IPublishedTables
{
    /// <summary>The catalog as last read, read again when older than <see cref="QueryOptions.PublishedRefreshInterval"/>.</summary>
    Task<PublishedCatalog> GetAsync(CancellationToken cancellationToken);

    /// <summary>A catalog read after <paramref name="stale"/> turned out to name a file that is gone (a newer version replaced it).</summary>
    Task<PublishedCatalog> RefreshAsync(PublishedCatalog stale, CancellationToken cancellationToken);
}

/// <summary>The engine could not read a file the catalog named: a newer materialization replaced it; ask again with a fresh catalog.</summary>
public sealed class StaleCatalogException(string message, Exception innerException) : Exception(message, innerException);
