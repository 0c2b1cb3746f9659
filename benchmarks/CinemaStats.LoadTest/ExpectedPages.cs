using System.Collections.Concurrent;

namespace CinemaStats.LoadTest;

/// <summary>
/// The server-rendered HTML of the addresses the circuit replay navigates to, fetched once per
/// run: a step needs it to know which figures to wait for, and fetching it again for every user
/// would put a prerender on the server that no analyst causes. The data does not change during a run.
/// </summary>
public sealed class ExpectedPages(HttpClient http)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _pages = new();

    public Task<string> GetAsync(string path, CancellationToken cancellationToken) =>
        _pages.GetOrAdd(path, p => new Lazy<Task<string>>(() => http.GetStringAsync(p, cancellationToken))).Value;
}
