using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Published;

/// <summary>
/// Keeps the last <see cref="PublishedCatalog"/> for <see cref="QueryOptions.PublishedRefreshInterval"/>,
/// then reads the partition states again, one reader at a time.
/// </summary>
public abstract class RefreshedPublishedTables(IOptions<QueryOptions> options, TimeProvider clock) : IPublishedTables
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PublishedCatalog? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<PublishedCatalog> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && !IsStale())
        {
            return fresh;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } current || IsStale())
            {
                current = await ReadAsync(cancellationToken);
                _current = current;
                _checkedAt = clock.GetUtcNow();
            }
            return current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Reads the states; never called concurrently.</summary>
    protected abstract Task<PublishedCatalog> ReadAsync(CancellationToken cancellationToken);

    private bool IsStale() => clock.GetUtcNow() - _checkedAt >= options.Value.PublishedRefreshInterval;
}
