using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Published;

/// <summary>
/// Reads the partition states straight from the object store (Athena mode, where nothing is
/// mirrored): one listing per refresh, and a state is downloaded again only when its ETag changed.
/// </summary>
public sealed class StorePublishedTables(IObjectStore store, IOptions<QueryOptions> options, TimeProvider clock) : RefreshedPublishedTables(options, clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, (string ETag, AssetPartitionState State)> _states = new(StringComparer.Ordinal);

    protected override async Task<PublishedCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var head in store.ListAllAsync(PipelineKey.Root + "assets/", cancellationToken))
        {
            if (!head.Key.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }
            seen.Add(head.Key);
            if (_states.TryGetValue(head.Key, out var known) && known.ETag == head.ETag)
            {
                continue;
            }
            try
            {
                var state = JsonSerializer.Deserialize<AssetPartitionState>(await store.ReadTextAsync(head.Key, cancellationToken), Json);
                if (state is not null)
                {
                    _states[head.Key] = (head.ETag, state);
                }
            }
            catch (ObjectNotFoundException)
            {
                // Removed between listing and reading.
            }
        }
        foreach (var gone in _states.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _states.Remove(gone);
        }
        return PublishedCatalog.From(null, _states.Values.Select(s => s.State));
    }
}
