using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Pipeline;

/// <summary>What became of one raw object.</summary>
public sealed record RawObjectStatus(
    string RawKey,
    string Status,
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    IReadOnlyList<string> Outputs,
    string? Error,
    DateTimeOffset RecordedAt)
{
    public const string Processed = "processed";
    public const string Failed = "failed";

    /// <summary>No asset reads the object's source yet; it stays in raw/ until one does.</summary>
    public const string Skipped = "skipped";

    /// <summary>The run that recorded this status.</summary>
    public string? RunId { get; init; }

    /// <summary>Rows quarantined by reason code (docs/data-contract.md); they add up to <see cref="RowsQuarantined"/>.</summary>
    public IReadOnlyDictionary<string, long> QuarantinedByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>Rows kept with each flag (a row may have several).</summary>
    public IReadOnlyDictionary<string, long> FlaggedByFlag { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// The ledger of raw objects under <c>_pipeline/raw/</c>: one JSON document per raw object once
/// it has been processed, and a marker under <c>_pipeline/running/</c> while it is. The
/// transform writes it; ingest reads it to answer "what became of my upload".
/// </summary>

public sealed class RawObjectLedger(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task RecordAsync(RawObjectKey raw, RawObjectStatus status, CancellationToken cancellationToken)
    {
        await store.PutTextAsync(PipelineKey.RawObjectStatus(raw), JsonSerializer.Serialize(status, Json), "application/json", cancellationToken);
    }

    public Task MarkRunningAsync(RawObjectKey raw, CancellationToken cancellationToken) =>
        store.PutTextAsync(PipelineKey.RawObjectRunning(raw), "{}", "application/json", cancellationToken);

    public Task ClearRunningAsync(RawObjectKey raw, CancellationToken cancellationToken) =>
        store.DeleteAsync(PipelineKey.RawObjectRunning(raw), cancellationToken);

    public async Task<bool> IsRunningAsync(RawObjectKey raw, CancellationToken cancellationToken) =>
        await store.HeadAsync(PipelineKey.RawObjectRunning(raw), cancellationToken) is not null;

    public async Task<RawObjectStatus?> GetAsync(RawObjectKey raw, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<RawObjectStatus>(await store.ReadTextAsync(PipelineKey.RawObjectStatus(raw), cancellationToken), Json);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The ledger entries of raw objects under <paramref name="rawPrefix"/> (e.g. <c>raw/sessions/</c>).</summary>
    public async Task<IReadOnlyList<RawObjectStatus>> ListAsync(string rawPrefix, CancellationToken cancellationToken)
    {
        var entries = new List<RawObjectStatus>();
        await foreach (var head in store.ListAllAsync(PipelineKey.Root + rawPrefix, cancellationToken))
        {
            try
            {
                entries.Add(JsonSerializer.Deserialize<RawObjectStatus>(await store.ReadTextAsync(head.Key, cancellationToken), Json)!);
            }
            catch (ObjectNotFoundException)
            {
            }
        }
        return entries;
    }

    /// <summary>Raw keys that have a ledger entry.</summary>
    public async Task<HashSet<string>> KnownRawKeysAsync(CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in store.ListAllAsync(PipelineKey.RawObjectStatusPrefix, cancellationToken))
        {
            known.Add(entry.Key[PipelineKey.Root.Length..^".json".Length]);
        }
        return known;
    }
}
