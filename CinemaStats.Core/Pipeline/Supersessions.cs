using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Pipeline;

/// <summary>
/// Rows of one raw object that a row of a later one replaced, in one partition of an asset
/// (docs/data-contract.md, "Duplicates"): the rows of <see cref="Superseded"/> at <see cref="Lines"/>
/// (ranges such as <c>2-5,9</c>) lost to rows of <see cref="Superseding"/> with the same key.
/// </summary>
public sealed record Supersession(string Asset, string Partition, string Superseding, string Superseded, long Rows, string Lines);

/// <summary>
/// The lineage of replaced rows, one document per asset partition under
/// <c>_pipeline/supersessions/</c>: the transform writes it with each rebuild of a partition that
/// chose between copies of a key, and the quality report of an upload reads it.
/// </summary>
public sealed class Supersessions(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Replaces the partition's document with <paramref name="rows"/> (removes it when there are none).</summary>
    public async Task WriteAsync(string asset, string partition, IReadOnlyList<Supersession> rows, CancellationToken cancellationToken)
    {
        var key = PipelineKey.Supersessions(asset, partition);
        if (rows.Count == 0)
        {
            if (await store.HeadAsync(key, cancellationToken) is not null)
            {
                await store.DeleteAsync(key, cancellationToken);
            }
            return;
        }
        await store.PutTextAsync(key, JsonSerializer.Serialize(rows, Json), "application/json", cancellationToken);
    }

    /// <summary>Every supersession that names the upload <paramref name="uploadId"/>, either way.</summary>
    public async Task<IReadOnlyList<Supersession>> OfUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        var found = new List<Supersession>();
        await foreach (var head in store.ListAllAsync(PipelineKey.SupersessionsPrefix, cancellationToken))
        {
            List<Supersession>? rows;
            try
            {
                rows = JsonSerializer.Deserialize<List<Supersession>>(await store.ReadTextAsync(head.Key, cancellationToken), Json);
            }
            catch (ObjectNotFoundException)
            {
                continue; // replaced while listing
            }
            found.AddRange((rows ?? []).Where(s => IsOf(s.Superseding, uploadId) || IsOf(s.Superseded, uploadId)));
        }
        return found;
    }

    /// <summary>Whether the raw object key <paramref name="rawKey"/> is the upload's.</summary>
    public static bool IsOf(string rawKey, string uploadId) => RawObjectKey.TryParse(rawKey, out var raw) && raw.UploadId == uploadId;

    /// <summary>Line numbers as sorted ranges: 2, 3, 4, 5, 9 → <c>2-5,9</c>.</summary>
    public static string Ranges(IEnumerable<long> lines)
    {
        var parts = new List<string>();
        long? start = null, end = null;
        foreach (var line in lines.Order())
        {
            if (end is { } e && line <= e + 1)
            {
                end = Math.Max(e, line);
                continue;
            }
            if (start is not null)
            {
                parts.Add(start == end ? $"{start}" : $"{start}-{end}");
            }
            (start, end) = (line, line);
        }
        if (start is not null)
        {
            parts.Add(start == end ? $"{start}" : $"{start}-{end}");
        }
        return string.Join(',', parts);
    }
}
