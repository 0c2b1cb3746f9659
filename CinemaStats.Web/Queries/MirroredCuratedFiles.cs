using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries;

/// <summary>
/// In S3 modes, keeps a local mirror of <c>curated/</c> and the partition states that publish it
/// (DuckDB has no httpfs here). Each refresh lists only the partition states; when one changed
/// (a new data version), <c>curated/</c> is listed and objects whose ETag changed are downloaded
/// (to a temporary name, then renamed, so a reader never sees half a file) — data files before the
/// states that name them. Objects gone from S3 are deleted after <see cref="QueryOptions.MirrorDeleteGrace"/>,
/// so queries already reading them finish.
/// </summary>
public sealed class MirroredCuratedFiles(IObjectStore store, IOptions<QueryOptions> options, TimeProvider clock, ILogger<MirroredCuratedFiles> logger)
    : ICuratedFiles
{
    private const string StatesPrefix = PipelineKey.Root + "assets/";

    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _goneSince = new(StringComparer.Ordinal);
    private DateTimeOffset _syncedAt = DateTimeOffset.MinValue;
    private bool _cleared;

    private string Root => options.Value.CachePath;

    public async Task<string> GetLocalRootAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _syncedAt < options.Value.MirrorRefreshInterval)
        {
            return Root;
        }
        await _sync.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _syncedAt >= options.Value.MirrorRefreshInterval)
            {
                await SyncAsync(cancellationToken);
                _syncedAt = clock.GetUtcNow();
            }
        }
        finally
        {
            _sync.Release();
        }
        return Root;
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (!_cleared)
        {
            // The ETags of an earlier process are unknown: start from an empty mirror.
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
            _cleared = true;
        }
        // States first: a file a listed state names was written before that state, so the curated listing that follows has it.
        var states = await ListAsync(StatesPrefix, cancellationToken);
        if (states.Count == _etags.Keys.Count(k => k.StartsWith(StatesPrefix, StringComparison.Ordinal))
            && states.All(s => _etags.TryGetValue(s.Key, out var etag) && etag == s.ETag))
        {
            DeleteExpired();
            return;
        }
        var curated = await ListAsync(CuratedPartitionKey.Root, cancellationToken);
        var downloaded = 0;
        foreach (var head in curated.Concat(states))
        {
            if (_etags.TryGetValue(head.Key, out var etag) && etag == head.ETag)
            {
                continue;
            }
            await DownloadAsync(head.Key, cancellationToken);
            _etags[head.Key] = head.ETag;
            _goneSince.Remove(head.Key);
            downloaded++;
        }
        var seen = curated.Concat(states).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _etags.Keys.Where(k => !seen.Contains(k) && !_goneSince.ContainsKey(k)).ToList())
        {
            if (gone.StartsWith(StatesPrefix, StringComparison.Ordinal))
            {
                // A removed state stops publishing at once; only data files wait for their readers.
                DeleteLocal(gone);
                _etags.Remove(gone);
            }
            else
            {
                _goneSince[gone] = clock.GetUtcNow();
            }
        }
        DeleteExpired();
        if (downloaded > 0)
        {
            logger.LogInformation("Mirrored {Count} curated objects into {Root}", downloaded, Root);
        }
    }

    private async Task<List<ObjectHead>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var heads = new List<ObjectHead>();
        await foreach (var head in store.ListAllAsync(prefix, cancellationToken))
        {
            heads.Add(head);
        }
        return heads;
    }

    private async Task DownloadAsync(string key, CancellationToken cancellationToken)
    {
        var path = LocalPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".download";
        await using (var source = await store.OpenReadAsync(key, cancellationToken))
        await using (var target = File.Create(temp))
        {
            await source.CopyToAsync(target, cancellationToken);
        }
        File.Move(temp, path, overwrite: true);
    }

    private void DeleteExpired()
    {
        foreach (var (key, _) in _goneSince.Where(g => clock.GetUtcNow() - g.Value >= options.Value.MirrorDeleteGrace).ToList())
        {
            DeleteLocal(key);
            _goneSince.Remove(key);
            _etags.Remove(key);
        }
    }

    private void DeleteLocal(string key) => File.Delete(LocalPath(key));

    private string LocalPath(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
}
