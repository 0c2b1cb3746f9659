using CinemaStats.Core.Pipeline;

namespace CinemaStats.Transform.Engine;

/// <summary>
/// The inputs the engine resolved for one partition, by upstream: the files (and versions) of the
/// upstream partitions it maps to. An asset reads only what it is handed.
/// </summary>
public sealed class PartitionInputs
{
    private readonly IReadOnlyList<(string Upstream, IReadOnlyList<InputVersion> Files)> _byUpstream;

    public PartitionInputs(IEnumerable<(string Upstream, IReadOnlyList<InputVersion> Files)> byUpstream) => _byUpstream = [.. byUpstream];

    public static PartitionInputs Empty { get; } = new([]);

    /// <summary>The files of one upstream (none when it has published nothing for this partition).</summary>
    public IReadOnlyList<InputVersion> Of(string upstream) =>
        _byUpstream.FirstOrDefault(u => u.Upstream == upstream).Files ?? [];

    /// <summary>Every input, in the order of the upstream declaration: what the fingerprint and the state record.</summary>
    public IReadOnlyList<InputVersion> All => [.. _byUpstream.SelectMany(u => u.Files)];

    /// <summary>The same inputs, with those of <paramref name="upstream"/> replaced.</summary>
    public PartitionInputs With(string upstream, IReadOnlyList<InputVersion> files) =>
        new(_byUpstream.Select(u => u.Upstream == upstream ? (u.Upstream, files) : u));
}
