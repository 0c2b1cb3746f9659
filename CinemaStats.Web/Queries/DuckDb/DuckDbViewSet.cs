using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Published;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// One in-memory DuckDB database with one view per curated table, named like it, over exactly the
/// files of one <see cref="PublishedCatalog"/>. It answers a data version at once, before
/// <see cref="DuckDbResidentTables"/> has taken it in, and an older version still asked for.
/// </summary>
public sealed class DuckDbViewSet
{
    private DuckDbViewSet(string fingerprint, DuckDbDatabase database)
    {
        Fingerprint = fingerprint;
        Database = database;
    }

    public string Fingerprint { get; }

    public DuckDbDatabase Database { get; }

    public static DuckDbViewSet Create(PublishedCatalog catalog, int memoryLimitMiB, int threads)
    {
        var root = catalog.LocalRoot ?? throw new InvalidOperationException("DuckDB reads local files: the catalog has no local root.");
        var database = DuckDbDatabase.Open(memoryLimitMiB, threads);
        var connection = database.TryLease()!;
        try
        {
            foreach (var table in CuratedTables.All)
            {
                var files = catalog.Table(table.Name).Files.Select(key => Path.Combine(root, key)).ToList();
                DuckDbDatabase.Execute(connection, DuckDbRelations.CreateView(table, files));
            }
        }
        catch
        {
            database.Return(connection);
            database.Retire();
            throw;
        }
        database.Return(connection);
        return new DuckDbViewSet(catalog.Fingerprint, database);
    }
}
