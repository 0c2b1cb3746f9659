using System.Diagnostics.Metrics;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Engine;

/// <summary>What a run is asked to do.</summary>
/// <param name="RawObjects">New raw objects to stage.</param>
/// <param name="Dates">Business dates whose partitions (of every partitioned asset: the date, its film week, its month) are rebuilt even when their inputs did not change.</param>
/// <param name="ScanAllDates">Compare every date that has inputs with what it was built from.</param>
public sealed record RunRequest(string Trigger, IReadOnlyList<RawObjectKey> RawObjects, IReadOnlyCollection<DateOnly> Dates, bool ScanAllDates = false, bool Force = false);

/// <summary>
/// Materializes assets in dependency order: stages new raw objects, then rebuilds the daily
/// partitions whose inputs changed. Every partition is published atomically (file first, then
/// its state switches under a conditional write), retried on transient faults, and a failure
/// stays with its partition.
/// </summary>
public sealed class PipelineRunner(
    IObjectStore store,
    AssetGraph graph,
    RawObjectLedger ledger,
    AssetPartitionStates states,
    RunHistory runs,
    IOptions<TransformOptions> options,
    TimeProvider clock,
    ILogger<PipelineRunner> logger,
    IMeterFactory? meters = null)
{
    private readonly InputResolver _resolver = new(store, graph, states);

    private readonly Counter<long>? _failures = meters?.Create(FreshnessMonitor.MeterName)
        .CreateCounter<long>("cinemastats.transform.failures", description: "Partitions and raw objects whose materialization failed.");

    public async Task<RunRecord> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var runId = runs.NewRunId();
        var log = new RunLog(logger);
        var started = clock.GetUtcNow();
        var context = new MaterializeContext(store, "", runId, log, clock);
        var partitions = new ConcurrentBag<RunPartition>();
        // A scan that finds everything up to date leaves no run behind.
        var announced = request.RawObjects.Count > 0 || request.Dates.Count > 0;
        if (announced)
        {
            await runs.SaveAsync(new RunRecord(runId, request.Trigger, RunRecord.Running, started, null, [.. request.RawObjects.Select(r => r.ToString())], [], null), cancellationToken);
        }

        // The dates whose partitions changed in this run, per asset: what the assets downstream compare.
        var changed = new ConcurrentDictionary<string, ConcurrentDictionary<DateOnly, byte>>(StringComparer.Ordinal);
        void Changed(string asset, IEnumerable<DateOnly> dates)
        {
            var set = changed.GetOrAdd(asset, _ => new());
            foreach (var date in dates)
            {
                set[date] = 0;
            }
        }
        await Parallel.ForEachAsync(request.RawObjects, Parallelism(cancellationToken), async (raw, ct) =>
        {
            foreach (var (asset, dates) in await StageAsync(raw, context, partitions, ct))
            {
                Changed(asset, dates);
            }
        });

        // In dependency order, one wave at a time: each asset compares the partitions its upstream
        // changed, and the assets of a wave (which do not read each other) run side by side.
        var rebuiltUnpartitioned = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        async Task MaterializeAssetAsync(Asset next)
        {
            if (next is UnpartitionedAsset unpartitioned)
            {
                // Its inputs are small by design (a catalogue, monthly rows): checked on every run.
                if (await MaterializeUnpartitionedAsync(unpartitioned, request.Force, context, cancellationToken) is { } outcome)
                {
                    partitions.Add(outcome);
                    if (outcome.Status == AssetPartitionState.Materialized)
                    {
                        rebuiltUnpartitioned[unpartitioned.Name] = 0;
                    }
                }
                return;
            }
            if (next is not PartitionedAsset asset)
            {
                return;
            }
            var scheme = asset.Partitioning;
            var candidates = request.Dates.Select(d => PartitionCalendar.StartOf(scheme, d)).ToHashSet();
            foreach (var upstream in asset.Upstream)
            {
                if (changed.TryGetValue(upstream, out var dates))
                {
                    candidates.UnionWith(dates.Keys.Select(d => PartitionCalendar.StartOf(scheme, d)));
                }
            }
            // A rebuilt dimension upstream (a new film catalogue) may change any partition: each compares what it uses.
            if (request.ScanAllDates || asset.Upstream.Any(rebuiltUnpartitioned.ContainsKey))
            {
                candidates.UnionWith(await _resolver.PartitionsWithInputsAsync(asset, cancellationToken));
            }
            await Parallel.ForEachAsync(candidates.Order(), Parallelism(cancellationToken), async (start, ct) =>
            {
                var forced = request.Force || PartitionCalendar.DatesOf(scheme, start).Any(request.Dates.Contains);
                var outcome = await MaterializePartitionAsync(asset, start, forced, context, ct);
                if (outcome is not null)
                {
                    partitions.Add(outcome);
                    if (outcome.Status is AssetPartitionState.Materialized or AssetPartitionState.Blocked)
                    {
                        Changed(asset.Name, PartitionCalendar.DatesOf(scheme, start));
                    }
                }
            });
        }
        foreach (var wave in graph.Waves)
        {
            await Task.WhenAll(wave.Select(MaterializeAssetAsync));
        }

        var failed = partitions.Any(p => p.Status is AssetPartitionState.Failed);
        _failures?.Add(partitions.Count(p => p.Status is AssetPartitionState.Failed));
        var run = new RunRecord(runId, request.Trigger, failed ? RunRecord.Failed : RunRecord.Succeeded, started, clock.GetUtcNow(),
            [.. request.RawObjects.Select(r => r.ToString())], [.. partitions.OrderBy(p => p.Asset).ThenBy(p => p.Partition)], log.Summary());
        if (announced || !partitions.IsEmpty)
        {
            await runs.SaveAsync(run, cancellationToken);
            await runs.ApplyRetentionAsync(cancellationToken);
        }
        return run;
    }

    /// <summary>Runs the staging assets of one raw object; returns the business dates each of them touched.</summary>
    private async Task<IReadOnlyList<(string Asset, IReadOnlyList<DateOnly> Dates)>> StageAsync(RawObjectKey raw, MaterializeContext context, ConcurrentBag<RunPartition> partitions, CancellationToken cancellationToken)
    {
        var assets = graph.InOrder.OfType<RawObjectAsset>().Where(a => a.Source == raw.Source).ToList();
        if (assets.Count == 0)
        {
            await ledger.RecordAsync(raw, new RawObjectStatus(raw.ToString(), RawObjectStatus.Skipped, 0, 0, 0, [], $"No asset reads source '{raw.Source}' yet.", clock.GetUtcNow()) { RunId = context.RunId }, cancellationToken);
            return [];
        }
        var dates = new List<(string, IReadOnlyList<DateOnly>)>();
        await ledger.MarkRunningAsync(raw, cancellationToken);
        foreach (var asset in assets)
        {
            RawObjectStatus status;
            try
            {
                var result = await TransientFaults.RetryAsync(() => asset.MaterializeAsync(raw, context with { Partition = raw.UploadId }, cancellationToken),
                    context.Log, $"{asset.Name} {raw}", cancellationToken);
                dates.Add((asset.Name, result.BusinessDates));
                status = new RawObjectStatus(raw.ToString(), RawObjectStatus.Processed, result.RowsIn, result.RowsOut, result.RowsQuarantined, result.Outputs, null, clock.GetUtcNow())
                {
                    QuarantinedByReason = result.QuarantinedByReason,
                    FlaggedByFlag = result.FlaggedByFlag,
                };
                context.Log.Info($"{asset.Name} {raw}: {result.RowsIn} rows in, {result.RowsOut} out, {result.RowsQuarantined} quarantined, dates {string.Join(", ", result.BusinessDates)}");
            }
            catch (Exception e) when (TransientFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                // Left without a ledger entry: the next reconcile tries again.
                context.Log.Error($"{asset.Name} {raw}: storage kept failing ({e.Message}); it will be retried");
                partitions.Add(new RunPartition(asset.Name, raw.UploadId, AssetPartitionState.Failed, e.Message));
                return dates;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                status = new RawObjectStatus(raw.ToString(), RawObjectStatus.Failed, 0, 0, 0, [], e.Message, clock.GetUtcNow());
                context.Log.Error($"{asset.Name} {raw}: {e.Message}");
            }
            await ledger.RecordAsync(raw, status with { RunId = context.RunId }, cancellationToken);
            partitions.Add(new RunPartition(asset.Name, raw.UploadId, status.Status == RawObjectStatus.Failed ? AssetPartitionState.Failed : AssetPartitionState.Materialized, status.Error));
        }
        await ledger.ClearRunningAsync(raw, cancellationToken);
        return dates;
    }

    /// <summary>Rebuilds one partition if its inputs changed (or when forced), then publishes it.</summary>
    /// <param name="start">The partition's first date (a business date, a film week's Friday, a month's first day).</param>
    public Task<RunPartition?> MaterializePartitionAsync(PartitionedAsset asset, DateOnly start, bool force, MaterializeContext context, CancellationToken cancellationToken)
    {
        var partition = PartitionCalendar.Name(start);
        var column = asset.Output.PartitionColumn ?? throw new InvalidOperationException($"{asset.Name}'s output names no partition column.");
        context = context with { Partition = partition };
        return PublishAsync(new PartitionPlan(
            asset, partition, force,
            async () =>
            {
                var resolved = await _resolver.ResolveAsync(asset, start, cancellationToken);
                return resolved with { Versions = await asset.RefineInputsAsync(start, resolved.Inputs, context, cancellationToken) };
            },
            fingerprint => CuratedPartitionKey.Part(asset.Output.Name, column, start, fingerprint[..16]),
            inputs => asset.BuildAsync(start, inputs, context, cancellationToken),
            CuratedPartitionKey.PartitionPrefix(asset.Output.Name, column, start),
            PublishWithoutInputs: true), context, cancellationToken);
    }

    /// <summary>Rebuilds an unpartitioned asset if its inputs changed (or when forced), then publishes it.</summary>
    public Task<RunPartition?> MaterializeUnpartitionedAsync(UnpartitionedAsset asset, bool force, MaterializeContext context, CancellationToken cancellationToken)
    {
        context = context with { Partition = UnpartitionedAsset.Partition };
        return PublishAsync(new PartitionPlan(
            asset, UnpartitionedAsset.Partition, force,
            async () => (await _resolver.ResolveAsync(asset, null, cancellationToken)) with { UpstreamStates = [] },
            fingerprint => CuratedPartitionKey.Part(asset.Output.Name, fingerprint[..16]),
            inputs => asset.BuildAsync(inputs, context, cancellationToken),
            CuratedPartitionKey.TablePrefix(asset.Output.Name),
            PublishWithoutInputs: false), context, cancellationToken);
    }

    /// <summary>How to rebuild one partition of one asset.</summary>
    /// <param name="PublishWithoutInputs">Whether a partition with no inputs at all is published (empty) rather than skipped.</param>
    /// <param name="Inputs">Resolves the inputs, with the upstream partition states whose blocking checks hold this one back.</param>
    private sealed record PartitionPlan(
        Asset Asset, string Partition, bool Force,
        Func<Task<InputResolver.Resolved>> Inputs,
        Func<string, string> KeyFor,
        Func<PartitionInputs, Task<DailyResult>> Build,
        string PartsPrefix,
        bool PublishWithoutInputs);

    /// <summary>
    /// The one publishing path: compare fingerprints, build, check, write, switch the state under a
    /// conditional write (re-planning when another worker got there first), delete what the state
    /// no longer names. A failure keeps the last good files and records why.
    /// </summary>
    private async Task<RunPartition?> PublishAsync(PartitionPlan plan, MaterializeContext context, CancellationToken cancellationToken)
    {
        var (asset, partition) = (plan.Asset, plan.Partition);
        for (var attempt = 1; ; attempt++)
        {
            var current = await states.GetAsync(asset.Name, partition, cancellationToken);
            try
            {
                var resolved = await TransientFaults.RetryAsync(plan.Inputs, context.Log, $"{asset.Name} {partition} inputs", cancellationToken);
                var inputs = resolved.Versions.All;
                var fingerprint = Fingerprint(asset, inputs);
                if (!plan.Force && current is { State: var known } && known.InputFingerprint == fingerprint && known.Status == AssetPartitionState.Materialized)
                {
                    return null;
                }
                if (!plan.PublishWithoutInputs && current is null && inputs.Count == 0)
                {
                    return null;
                }
                var blocker = BlockingUpstream(resolved.UpstreamStates);
                var next = blocker is not null
                    ? Carry(current?.State, asset, partition, fingerprint, AssetPartitionState.Blocked, blocker, context.RunId, inputs)
                    : await WriteAsync(asset, inputs, fingerprint, plan.KeyFor(fingerprint), () => plan.Build(resolved.Inputs), context, cancellationToken);
                await states.SaveAsync(next, current?.ETag, cancellationToken);
                await DeleteUnpublishedPartsAsync(plan.PartsPrefix, next.Files, cancellationToken);
                context.Log.Info($"{asset.Name} {partition}: {next.Status}, {next.RowsOut} rows, version {next.DataVersion}" + (next.Error is null ? "" : $" ({next.Error})"));
                return new RunPartition(asset.Name, partition, next.Status, next.Error);
            }
            catch (ObjectPreconditionFailedException) when (attempt < 3)
            {
                // Another worker published this partition meanwhile: look again at what it did.
                context.Log.Info($"{asset.Name} {partition}: another worker updated it; re-planning");
            }
            catch (Exception e) when (e is not OperationCanceledException and not ObjectPreconditionFailedException)
            {
                context.Log.Error($"{asset.Name} {partition}: {e.Message}");
                var failed = Carry(current?.State, asset, partition, current?.State.InputFingerprint ?? "", AssetPartitionState.Failed, e.Message, context.RunId, current?.State.Inputs ?? []);
                try
                {
                    await states.SaveAsync(failed, current?.ETag, cancellationToken);
                }
                catch (Exception recordError) when (recordError is not OperationCanceledException)
                {
                    context.Log.Warn($"{asset.Name} {partition}: could not record the failure ({recordError.Message})");
                }
                return new RunPartition(asset.Name, partition, AssetPartitionState.Failed, e.Message);
            }
        }
    }

    /// <summary>Builds the rows, runs the checks and writes the file; the caller publishes the returned state.</summary>
    private async Task<AssetPartitionState> WriteAsync(
        Asset asset, IReadOnlyList<InputVersion> inputs, string fingerprint, string key, Func<Task<DailyResult>> build, MaterializeContext context, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        var built = await TransientFaults.RetryAsync(build, context.Log, $"{asset.Name} {context.Partition}", cancellationToken);
        if (built.Stored is { Verdicts.Count: var verdicts } && verdicts != asset.Checks.Count)
        {
            throw new InvalidOperationException($"{asset.Name} gave {verdicts} check verdicts for its {asset.Checks.Count} checks.");
        }
        var checks = asset.Checks.Select((check, i) =>
        {
            var verdict = built.Stored is { } stored ? stored.Verdicts[i] : check.Evaluate(built.Rows);
            return new CheckOutcome(check.Name, check.Severity == CheckSeverity.Block ? "block" : "warn", verdict.Passed, verdict.Detail);
        }).ToList();
        foreach (var failedCheck in checks.Where(c => !c.Passed))
        {
            context.Log.Warn($"{asset.Name} {context.Partition}: check {failedCheck.Name} failed ({failedCheck.Severity}): {failedCheck.Detail}");
        }

        long bytes;
        if (built.Stored is { } file)
        {
            // Only the version that was read and checked: a file re-staged since re-plans the partition.
            var copied = await TransientFaults.RetryAsync(() => store.CopyAsync(file.Source.Key, key, file.Source.ETag, cancellationToken), context.Log, $"copy {file.Source.Key} to {key}", cancellationToken);
            bytes = copied.Size;
        }
        else
        {
            bytes = await WriteParquetAsync(asset.Output, built.Rows, key, context, cancellationToken);
        }
        if (built.RowsDropped > 0)
        {
            context.Log.Info($"{asset.Name} {context.Partition}: {built.RowsDropped} rows dropped ({built.DropReason})");
        }
        return new AssetPartitionState(asset.Name, context.Partition, AssetPartitionState.Materialized, fingerprint[..16], [key], inputs, fingerprint,
            built.RowsIn, built.Stored?.Rows ?? built.Rows.RowCount, built.RowsDropped, bytes, timer.ElapsedMilliseconds, SchemaHash(asset.Output), checks, null, context.RunId, clock.GetUtcNow());
    }

    /// <summary>Writes <paramref name="rows"/> as one Parquet row group under <paramref name="key"/>; returns the file's size.</summary>
    private async Task<long> WriteParquetAsync(TableSchema table, TableColumns rows, string key, MaterializeContext context, CancellationToken cancellationToken)
    {
        long bytes;
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            await using (var writer = await ParquetTableWriter.CreateAsync(table, file, cancellationToken))
            {
                await writer.WriteRowGroupAsync(rows, cancellationToken);
            }
            bytes = new FileInfo(temp).Length;
            await using var upload = File.OpenRead(temp);
            await TransientFaults.RetryAsync(async () =>
            {
                upload.Position = 0;
                return await store.PutAsync(key, upload, new ObjectWriteOptions { ContentType = "application/vnd.apache.parquet" }, cancellationToken);
            }, context.Log, $"write {key}", cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
        return bytes;
    }

    /// <summary>The first upstream partition whose blocking check failed (or that is blocked itself), as a reason; null when none.</summary>
    private static string? BlockingUpstream(IReadOnlyList<AssetPartitionState> upstream)
    {
        foreach (var s in upstream)
        {
            if (s.HasBlockingFailure || s.Status == AssetPartitionState.Blocked)
            {
                var check = s.Checks.FirstOrDefault(c => !c.Passed && c.Severity == "block");
                return check is not null
                    ? $"upstream {s.Asset} {s.Partition} failed blocking check {check.Name}: {check.Detail}"
                    : $"upstream {s.Asset} {s.Partition} is blocked: {s.Error}";
            }
        }
        return null;
    }

    /// <summary>A state that keeps what was published before (readers see no gap) with a new status.</summary>
    private AssetPartitionState Carry(AssetPartitionState? previous, Asset asset, string partition, string fingerprint, string status, string error, string runId, IReadOnlyList<InputVersion> inputs) =>
        new(asset.Name, partition, status, previous?.DataVersion, previous?.Files ?? [], inputs, status == AssetPartitionState.Blocked ? fingerprint : previous?.InputFingerprint ?? "",
            previous?.RowsIn ?? 0, previous?.RowsOut ?? 0, previous?.RowsQuarantined ?? 0, previous?.Bytes ?? 0, 0, SchemaHash(asset.Output),
            previous?.Checks ?? [], error, runId, clock.GetUtcNow());

    /// <summary>Parts of the partition that the published state does not name: left by an older version or a crash.</summary>
    private async Task DeleteUnpublishedPartsAsync(string prefix, IReadOnlyList<string> published, CancellationToken cancellationToken)
    {
        var keep = published.ToHashSet(StringComparer.Ordinal);
        await foreach (var head in store.ListAllAsync(prefix, cancellationToken))
        {
            if (!keep.Contains(head.Key))
            {
                await store.DeleteAsync(head.Key, cancellationToken);
            }
        }
    }

    /// <summary>Inputs, the asset's code version and its output schema: the same fingerprint means the same output.</summary>
    public static string Fingerprint(Asset asset, IReadOnlyList<InputVersion> inputs)
    {
        var text = new StringBuilder($"{asset.Name}\n{asset.CodeVersion}\n{SchemaHash(asset.Output)}\n");
        foreach (var input in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            text.Append(input.Key).Append('\t').Append(input.ETag).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string SchemaHash(TableSchema schema) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", schema.Columns.Select(c => $"{c.Name}:{c.Type}:{c.Nullable}")))))[..16];

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
}
