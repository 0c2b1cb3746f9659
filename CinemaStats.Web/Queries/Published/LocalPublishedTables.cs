using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Published;

/// <summary>
/// Reads the partition states from the local copy of the store (the store itself in filesystem
/// mode, the mirror in S3 modes). A state file is parsed again only when its size or write time
/// changed, and the folder is looked at no more often than <see cref="QueryOptions.PublishedRefreshInterval"/>.
/// </summary>
public sealed class LocalPublishedTables(ICuratedFiles files, IOptions<QueryOptions> options, TimeProvider clock) : RefreshedPublishedTables(options, clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, (long Length, DateTime WrittenAt, AssetPartitionState State)> _states = new(StringComparer.Ordinal);

    protected override async Task<PublishedCatalog> ReadAsync(CancellationToken cancellationToken)
    {
        var root = await files.GetLocalRootAsync(cancellationToken);
        return Read(root);
    }

    private PublishedCatalog Read(string root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in CuratedTables.All)
        {
            var folder = new DirectoryInfo(Path.Combine(root, PipelineKey.AssetPartitionsPrefix(table.Name)));
            if (!folder.Exists)
            {
                continue;
            }
            foreach (var file in folder.EnumerateFiles("*.json"))
            {
                seen.Add(file.FullName);
                if (_states.TryGetValue(file.FullName, out var known) && known.Length == file.Length && known.WrittenAt == file.LastWriteTimeUtc)
                {
                    continue;
                }
                if (TryParse(file) is { } state)
                {
                    _states[file.FullName] = (file.Length, file.LastWriteTimeUtc, state);
                }
            }
        }
        foreach (var gone in _states.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _states.Remove(gone);
        }
        var published = _states.Values.Select(s => s.State with { Files = s.State.Files.Where(f => File.Exists(Path.Combine(root, f))).ToList() });
        return PublishedCatalog.From(root, published);
    }

    /// <summary>A state being replaced may be read half-written; it is read again on the next look.</summary>
    private static AssetPartitionState? TryParse(FileInfo file)
    {
        try
        {
            return JsonSerializer.Deserialize<AssetPartitionState>(File.ReadAllText(file.FullName), Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
