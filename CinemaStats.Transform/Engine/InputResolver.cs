using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Engine;

/// <summary>
/// Maps a partition to the upstream partitions it reads, from the assets' one declaration of
/// upstream and their partitioning: a staging asset gives the files it staged for the partition's
/// dates (or all of them, to an unpartitioned asset); a partitioned asset gives its partitions
/// within the partition's dates (or all of them); an unpartitioned asset gives its one output.
/// Assets never look for their own inputs.
/// </summary>
public sealed class InputResolver(IObjectStore store, AssetGraph graph, AssetPartitionStates states)
{
    /// <summary>What one partition reads, and the upstream partition states that were consulted (for blocking checks).</summary>
    public sealed record Resolved(PartitionInputs Inputs, IReadOnlyList<AssetPartitionState> UpstreamStates)
    {
        /// <summary>The versions that decide whether the partition is stale (the fingerprint): the inputs, unless the asset narrows them.</summary>
        public PartitionInputs Versions { get; init; } = Inputs;
    }

    /// <param name="partition">The partition's first date; null for an unpartitioned asset.</param>
    public async Task<Resolved> ResolveAsync(Asset asset, DateOnly? partition, CancellationToken cancellationToken)
    {
        var inputs = new List<(string, IReadOnlyList<InputVersion>)>();
        var consulted = new List<AssetPartitionState>();
        foreach (var name in asset.Upstream.Where(u => !Asset.IsRawSource(u)))
        {
            var upstream = graph.Find(name) ?? throw new InvalidOperationException($"{asset.Name} reads unknown asset {name}.");
            var files = new List<InputVersion>();
            switch (upstream, partition)
            {
                case (RawObjectAsset, { } start):
                    foreach (var date in PartitionCalendar.DatesOf(asset.Partitioning, start))
                    {
                        await AddListedAsync(files, PipelineKey.StagingPrefix(name, date), cancellationToken);
                    }
                    break;
                case (RawObjectAsset, null):
                    await AddListedAsync(files, PipelineKey.StagingPrefix(name), cancellationToken);
                    break;
                case (UnpartitionedAsset, _):
                    if ((await states.GetAsync(name, UnpartitionedAsset.Partition, cancellationToken))?.State is { } whole)
                    {
                        AddPublished(files, whole);
                    }
                    break;
                case (PartitionedAsset within, { } start):
                    foreach (var upstreamStart in PartitionCalendar.DatesOf(asset.Partitioning, start).Select(d => PartitionCalendar.StartOf(within.Partitioning, d)).Distinct())
                    {
                        if ((await states.GetAsync(name, PartitionCalendar.Name(upstreamStart), cancellationToken))?.State is { } state)
                        {
                            consulted.Add(state);
                            AddPublished(files, state);
                        }
                    }
                    break;
                case (PartitionedAsset, null):
                    foreach (var state in (await states.ListAsync(name, cancellationToken)).OrderBy(s => s.Partition, StringComparer.Ordinal))
                    {
                        AddPublished(files, state);
                    }
                    break;
            }
            inputs.Add((name, files));
        }
        return new Resolved(new PartitionInputs(inputs), consulted);
    }

    /// <summary>Every partition of <paramref name="asset"/> that some upstream has data for (stale scans, a rebuilt dimension upstream).</summary>
    public async Task<IReadOnlySet<DateOnly>> PartitionsWithInputsAsync(PartitionedAsset asset, CancellationToken cancellationToken)
    {
        var partitions = new SortedSet<DateOnly>();
        foreach (var upstream in asset.Upstream.Select(graph.Find))
        {
            switch (upstream)
            {
                case RawObjectAsset staging:
                    await foreach (var head in store.ListAllAsync(PipelineKey.StagingPrefix(staging.Name), cancellationToken))
                    {
                        if (TryBusinessDateOf(head.Key, out var date))
                        {
                            partitions.Add(PartitionCalendar.StartOf(asset.Partitioning, date));
                        }
                    }
                    break;
                case PartitionedAsset partitioned:
                    foreach (var name in await states.ListNamesAsync(partitioned.Name, cancellationToken))
                    {
                        if (PartitionCalendar.TryParse(name, out var start))
                        {
                            partitions.UnionWith(PartitionCalendar.DatesOf(partitioned.Partitioning, start).Select(d => PartitionCalendar.StartOf(asset.Partitioning, d)));
                        }
                    }
                    break;
            }
        }
        return partitions;
    }

    private static bool TryBusinessDateOf(string key, out DateOnly date)
    {
        try
        {
            date = CuratedPartitionKey.PartitionValueOf(key, CuratedPartitionKey.BusinessDate);
            return true;
        }
        catch (InvalidOperationException)
        {
            date = default;
            return false;
        }
    }

    private async Task AddListedAsync(List<InputVersion> files, string prefix, CancellationToken cancellationToken)
    {
        await foreach (var head in store.ListAllAsync(prefix, cancellationToken))
        {
            files.Add(new InputVersion(head.Key, head.ETag));
        }
    }

    /// <summary>A partition's published files at its data version; a partition built from no input adds nothing.</summary>
    private static void AddPublished(List<InputVersion> files, AssetPartitionState state)
    {
        if (state.Inputs.Count > 0)
        {
            files.AddRange(state.Files.Select(file => new InputVersion(file, state.DataVersion ?? "")));
        }
    }
}
