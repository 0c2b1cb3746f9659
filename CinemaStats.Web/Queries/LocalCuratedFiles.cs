using CinemaStats.Core.Storage;

namespace CinemaStats.Web.Queries;

/// <summary>In <c>filesystem</c> mode DuckDB reads the store's own files in place.</summary>
public sealed class LocalCuratedFiles(FileSystemObjectStore store) : ICuratedFiles
{
    public Task<string> GetLocalRootAsync(CancellationToken cancellationToken) => Task.FromResult(store.RootPath);
}
