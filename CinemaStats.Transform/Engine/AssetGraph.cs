using CinemaStats.Core.Sources;

namespace CinemaStats.Transform.Engine;

/// <summary>
/// The registry of assets, validated when the worker starts: every upstream must exist (an
/// asset or a known raw source) and the graph must have no cycle. Assets come out in
/// dependency order.
/// </summary>
public sealed class AssetGraph
{
    private readonly Dictionary<string, Asset> _byName;

    public AssetGraph(IEnumerable<Asset> assets)
    {
        var list = assets.ToList();
        var duplicate = list.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Asset graph: two assets are named '{duplicate.Key}'.");
        }
        _byName = list.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var asset in list)
        {
            foreach (var upstream in asset.Upstream)
            {
                var known = Asset.IsRawSource(upstream)
                    ? SourceCatalog.Find(upstream[Asset.RawSource("").Length..]) is not null
                    : _byName.ContainsKey(upstream);
                if (!known)
                {
                    throw new InvalidOperationException($"Asset graph: '{asset.Name}' reads '{upstream}', which is neither an asset nor a raw source.");
                }
            }
        }
        InOrder = TopologicalOrder(list);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var asset in InOrder)
        {
            depth[asset.Name] = 1 + asset.Upstream.Select(u => depth.GetValueOrDefault(u)).DefaultIfEmpty(0).Max();
        }
        Waves = [.. InOrder.GroupBy(a => depth[a.Name]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<Asset>)[.. g])];
    }

    /// <summary>
    /// The assets in waves: each asset's upstream lies in earlier waves, so the assets of one wave do
    /// not read each other and may run side by side.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Asset>> Waves { get; }

    /// <summary>Every asset, each after all of its upstream assets.</summary>
    public IReadOnlyList<Asset> InOrder { get; }

    public Asset? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The assets that read <paramref name="name"/> directly.</summary>
    public IEnumerable<Asset> DirectlyDownstreamOf(string name) => InOrder.Where(a => a.Upstream.Contains(name));

    /// <summary>Every asset that depends on <paramref name="name"/>, directly or not, in dependency order.</summary>
    public IReadOnlyList<Asset> DownstreamOf(string name)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { name };
        var result = new List<Asset>();
        foreach (var asset in InOrder)
        {
            if (asset.Upstream.Any(reached.Contains))
            {
                reached.Add(asset.Name);
                result.Add(asset);
            }
        }
        return result;
    }

    /// <summary>Nodes (assets and raw sources) and edges, for the lineage view.</summary>
    public (IReadOnlyList<string> Sources, IReadOnlyList<(string From, string To)> Edges) Lineage() =>
        (InOrder.SelectMany(a => a.Upstream).Where(Asset.IsRawSource).Distinct().ToList(),
         InOrder.SelectMany(a => a.Upstream.Select(u => (u, a.Name))).ToList());

    private static List<Asset> TopologicalOrder(List<Asset> assets)
    {
        var byName = assets.ToDictionary(a => a.Name);
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var order = new List<Asset>();

        void Visit(Asset asset, Stack<string> path)
        {
            if (state.TryGetValue(asset.Name, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(n => n != asset.Name).Append(asset.Name);
                    throw new InvalidOperationException($"Asset graph: a cycle runs {string.Join(" -> ", cycle)}.");
                }
                return;
            }
            state[asset.Name] = false;
            path.Push(asset.Name);
            foreach (var upstream in asset.Upstream.Where(byName.ContainsKey))
            {
                Visit(byName[upstream], path);
            }
            path.Pop();
            state[asset.Name] = true;
            order.Add(asset);
        }

        foreach (var asset in assets.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            Visit(asset, new Stack<string>());
        }
        return order;
    }
}
