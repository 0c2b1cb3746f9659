using CinemaStats.Core.Pipeline;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// Collects, while a partition chooses between staged copies of its keys
/// (<see cref="LatestStagedRows.StagedCopy.IsLaterThan"/>), which row of which raw object lost to
/// which, so the choice is recorded in lineage (<see cref="Supersessions"/>) rather than made silently.
/// </summary>
public sealed class SupersessionLog
{
    private readonly Dictionary<(string Superseding, string Superseded), List<long>> _lines = [];

    public long Rows { get; private set; }

    /// <summary>The staged row <paramref name="loser"/> lost to <paramref name="winner"/>.</summary>
    public void Add(LatestStagedRows.StagedCopy winner, LatestStagedRows.StagedCopy loser)
    {
        var pair = (winner.Source, loser.Source);
        if (!_lines.TryGetValue(pair, out var lines))
        {
            _lines[pair] = lines = [];
        }
        lines.Add(loser.Line);
        Rows++;
    }

    /// <summary>Records the log as the lineage of <paramref name="asset"/>'s <paramref name="partition"/> (replacing what an earlier build recorded).</summary>
    public Task WriteAsync(Core.Storage.IObjectStore store, string asset, string partition, CancellationToken cancellationToken) =>
        new Supersessions(store).WriteAsync(asset, partition,
            [.. _lines.OrderBy(p => p.Key.Superseded, StringComparer.Ordinal).ThenBy(p => p.Key.Superseding, StringComparer.Ordinal)
                .Select(p => new Supersession(asset, partition, p.Key.Superseding, p.Key.Superseded, p.Value.Count, Supersessions.Ranges(p.Value)))],
            cancellationToken);
}
