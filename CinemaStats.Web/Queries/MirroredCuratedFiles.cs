using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries;

/// <summary>
/// In S3 modes, keeps a local mirror of <c>curated/</c> and the partition states that publish it: objects whose ETag changed are
/// downloaded (to a temporary name, then renamed), objects gone from S3 are deleted.
/// </summary>
public sealed class MirroredCuratedFiles(IObjectStore store, IOptions<QueryOptions> options, TimeProvider clock, ILogger<MirroredCuratedFiles> logger)
    : ICuratedFiles
{
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var downloaded = 0;
        var published = store.ListAllAsync(CuratedPartitionKey.Root, cancellationToken)
            .Concat(store.ListAllAsync(PipelineKey.Root + "assets/", cancellationToken));
        await foreach (var head in published)
        {
            seen.Add(head.Key);
            if (_etags.TryGetValue(head.Key, out var etag) && etag == head.ETag)
            {
                continue;
            }
            var path = Path.Combine(Root, head.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".download";
            await using (var source = await store.OpenReadAsync(head.Key, cancellationToken))
            await using (var target = File.Create(temp))
            {
                await source.CopyToAsync(target, cancellationToken);
            }
            File.Move(temp, path, overwrite: true);
            _etags[head.Key] = head.ETag;
            downloaded++;
        }
        foreach (var gone in _etags.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            File.Delete(Path.Combine(Root, gone.Replace('/', Path.DirectorySeparatorChar)));
            _etags.Remove(gone);
        }
        if (downloaded > 0)
        {
            logger.LogInformation("Mirrored {Count} curated objects into {Root}", downloaded, Root);
        }
    }
}
