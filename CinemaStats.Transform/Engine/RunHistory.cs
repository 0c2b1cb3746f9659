using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Engine;

/// <summary>One partition a run worked on, and how it ended.</summary>
public sealed record RunPartition(string Asset, string Partition, string Status, string? Error);

/// <summary>One run of the worker: what started it, what it read, what it built, and a bounded log.</summary>
public sealed record RunRecord(
    string RunId,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> RawObjects,
    IReadOnlyList<RunPartition> Partitions,
    RunLogSummary? Log)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// Runs under <c>_pipeline/runs/</c>, newest last. A retention policy deletes runs older than
/// <see cref="TransformOptions.RunRetention"/> and beyond <see cref="TransformOptions.MaxRuns"/>.
/// </summary>
public sealed class RunHistory(IObjectStore store, IOptions<TransformOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string NewRunId() => $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken) =>
        store.PutTextAsync(PipelineKey.Run(run.RunId), JsonSerializer.Serialize(run, Json), "application/json", cancellationToken);

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(await store.ReadTextAsync(PipelineKey.Run(runId), cancellationToken), Json);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The newest runs first.</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var head in store.ListAllAsync(PipelineKey.RunsPrefix, cancellationToken))
        {
            keys.Add(head.Key);
        }
        var runs = new List<RunRecord>();
        foreach (var key in keys.OrderDescending(StringComparer.Ordinal).Take(limit))
        {
            var run = await GetAsync(key[PipelineKey.RunsPrefix.Length..^".json".Length], cancellationToken);
            if (run is not null)
            {
                runs.Add(run);
            }
        }
        return runs;
    }

    /// <summary>Deletes runs past the retention age and beyond the maximum count; returns how many.</summary>
    public async Task<int> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var keys = new List<(string Key, DateTimeOffset Modified)>();
        await foreach (var head in store.ListAllAsync(PipelineKey.RunsPrefix, cancellationToken))
        {
            keys.Add((head.Key, head.LastModified));
        }
        var cutoff = clock.GetUtcNow() - options.Value.RunRetention;
        var ordered = keys.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        var excess = Math.Max(0, ordered.Count - options.Value.MaxRuns);
        var doomed = ordered.Select((k, i) => (k.Key, Old: i < excess || k.Modified < cutoff)).Where(k => k.Old).ToList();
        foreach (var (key, _) in doomed)
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        return doomed.Count;
    }
}
