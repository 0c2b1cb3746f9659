using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Pipeline;

/// <summary>One input of a materialization, by key and version.</summary>
public sealed record InputVersion(string Key, string ETag);

/// <summary>The outcome of one asset check on one partition.</summary>
public sealed record CheckOutcome(string Name, string Severity, bool Passed, string Detail);

/// <summary>
/// The state of one partition of an asset: the files readers should use (its manifest), the
/// inputs they were built from, and what the last materialization measured and checked. A
/// failed materialization keeps the files of the last good one, so readers never see a gap.
/// </summary>
public sealed record AssetPartitionState(
    string Asset,
    string Partition,
    string Status,
    string? DataVersion,
    IReadOnlyList<string> Files,
    IReadOnlyList<InputVersion> Inputs,
    string InputFingerprint,
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    long Bytes,
    long DurationMs,
    string SchemaHash,
    IReadOnlyList<CheckOutcome> Checks,
    string? Error,
    string RunId,
    DateTimeOffset UpdatedAt)
{
    public const string Materialized = "materialized";
    public const string Failed = "failed";

    /// <summary>A blocking check of an upstream partition failed: this one was not rebuilt.</summary>
    public const string Blocked = "blocked";

    public bool HasBlockingFailure => Checks.Any(c => !c.Passed && c.Severity == "block");
}

/// <summary>Reads and writes partition states under <c>_pipeline/assets/</c>, with conditional writes so no update is lost.</summary>
public sealed class AssetPartitionStates(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<(AssetPartitionState State, string ETag)?> GetAsync(string asset, string partition, CancellationToken cancellationToken)
    {
        var key = PipelineKey.AssetPartition(asset, partition);
        var head = await store.HeadAsync(key, cancellationToken);
        if (head is null)
        {
            return null;
        }
        try
        {
            var state = JsonSerializer.Deserialize<AssetPartitionState>(await store.ReadTextAsync(key, cancellationToken), Json)!;
            return (state, head.ETag);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the state only over <paramref name="expectedETag"/> (or only if none exists when null).</summary>
    public async Task SaveAsync(AssetPartitionState state, string? expectedETag, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(state, Json));
        await store.PutAsync(PipelineKey.AssetPartition(state.Asset, state.Partition), body, new ObjectWriteOptions
        {
            ContentType = "application/json",
            CreateOnly = expectedETag is null,
            IfMatchETag = expectedETag,
        }, cancellationToken);
    }

    /// <summary>The names of the asset's partitions that have a state, from one listing (no state is read).</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(string asset, CancellationToken cancellationToken)
    {
        var prefix = PipelineKey.AssetPartitionsPrefix(asset);
        var names = new List<string>();
        await foreach (var head in store.ListAllAsync(prefix, cancellationToken))
        {
            if (head.Key.EndsWith(".json", StringComparison.Ordinal))
            {
                names.Add(head.Key[prefix.Length..^".json".Length]);
            }
        }
        return names;
    }

    public async Task<IReadOnlyList<AssetPartitionState>> ListAsync(string asset, CancellationToken cancellationToken)
    {
        var states = new List<AssetPartitionState>();
        await foreach (var head in store.ListAllAsync(PipelineKey.AssetPartitionsPrefix(asset), cancellationToken))
        {
            try
            {
                states.Add(JsonSerializer.Deserialize<AssetPartitionState>(await store.ReadTextAsync(head.Key, cancellationToken), Json)!);
            }
            catch (ObjectNotFoundException)
            {
                // Removed between listing and reading.
            }
        }
        return states;
    }
}
