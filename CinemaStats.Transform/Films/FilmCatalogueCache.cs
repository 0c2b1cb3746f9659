using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Films;

/// <summary>
/// The published film catalogue, read once per version: a run compares and rebuilds many dates
/// against the same catalogue, which would otherwise be read again for each of them.
/// </summary>
public sealed class FilmCatalogueCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Version, SessionFilms Films)? _current;

    public async Task<SessionFilms> GetAsync(IObjectStore store, IReadOnlyList<InputVersion> catalogue, CancellationToken cancellationToken)
    {
        var version = string.Join("\n", catalogue.Select(file => file.Key));
        if (_current is { } hit && hit.Version == version)
        {
            return hit.Films;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.Version == version)
            {
                return loaded.Films;
            }
            var films = await SessionFilms.LoadAsync(store, catalogue, cancellationToken);
            _current = (version, films);
            return films;
        }
        finally
        {
            _gate.Release();
        }
    }
}
