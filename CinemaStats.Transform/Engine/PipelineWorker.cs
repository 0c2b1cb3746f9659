using System.Threading.Channels;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Engine;

/// <summary>
/// The worker loop. It wakes on an event (a file-system watch, an SQS notification, an
/// operator's request) or every <see cref="TransformOptions.ReconcileInterval"/>, compares
/// <c>raw/</c> with the ledger so that a lost event never loses data, and runs what is new.
/// Every <see cref="TransformOptions.StaleScanInterval"/> (and at start) it also rebuilds any
/// daily partition whose inputs no longer match what it was built from, which is how a crash
/// at any point heals.
/// </summary>
public sealed class PipelineWorker(
    IObjectStore store,
    PipelineRunner runner,
    RawObjectLedger ledger,
    FreshnessMonitor freshness,
    IOptions<TransformOptions> options,
    TimeProvider clock,
    ILogger<PipelineWorker> logger) : BackgroundService, Discovery.IRawObjectHandler
{
    private readonly Channel<RunRequest> _requests = Channel.CreateUnbounded<RunRequest>();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private FileSystemWatcher? _watcher;

    /// <summary>Look for new raw objects now rather than at the next interval.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Queues an operator's request (backfill, reprocess) for the worker loop.</summary>
    public void Enqueue(RunRequest request)
    {
        _requests.Writer.TryWrite(request);
        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WatchLocalRawFolder();
        var nextStaleScan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scan = clock.GetUtcNow() >= nextStaleScan;
                await ReconcileOnceAsync(scan, stoppingToken);
                if (scan)
                {
                    await freshness.EvaluateAsync(stoppingToken);
                    nextStaleScan = clock.GetUtcNow() + options.Value.StaleScanInterval;
                }
                while (_requests.Reader.TryRead(out var request))
                {
                    await RunExclusiveAsync(request, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The pipeline pass failed; trying again in {Interval}", options.Value.ReconcileInterval);
            }
            try
            {
                await _wake.WaitAsync(options.Value.ReconcileInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Stages every raw object without a ledger entry and rebuilds what it touched; returns the run, or null when nothing was new.</summary>
    public async Task<RunRecord?> ReconcileOnceAsync(bool scanAllDates, CancellationToken cancellationToken)
    {
        var known = await ledger.KnownRawKeysAsync(cancellationToken);
        var fresh = new List<RawObjectKey>();
        await foreach (var head in store.ListAllAsync(RawObjectKey.Root, cancellationToken))
        {
            if (!known.Contains(head.Key) && RawObjectKey.TryParse(head.Key, out var raw))
            {
                fresh.Add(raw);
            }
        }
        if (fresh.Count == 0 && !scanAllDates)
        {
            return null;
        }
        var run = await RunExclusiveAsync(new RunRequest(scanAllDates ? "reconcile+stale-scan" : "reconcile", fresh, [], ScanAllDates: scanAllDates), cancellationToken);
        return fresh.Count == 0 && run.Partitions.Count == 0 ? null : run;
    }

    /// <summary>
    /// An event named a new raw object: process it now unless the ledger already has it, which
    /// makes duplicated events harmless. Throws when it could not be processed, so the event stays.
    /// </summary>
    public async Task HandleAsync(RawObjectKey key, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(key, cancellationToken) is not null)
        {
            return;
        }
        await RunExclusiveAsync(new RunRequest("event", [key], []), cancellationToken);
        if (await ledger.GetAsync(key, cancellationToken) is null)
        {
            throw new InvalidOperationException($"{key} could not be processed yet; the event is kept for a retry.");
        }
    }

    private async Task<RunRecord> RunExclusiveAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken);
        try
        {
            return await runner.RunAsync(request, cancellationToken);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private void WatchLocalRawFolder()
    {
        if (store is not FileSystemObjectStore local)
        {
            return;
        }
        var folder = Path.Combine(local.RootPath, "raw");
        Directory.CreateDirectory(folder);
        _watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        _watcher.Created += (_, _) => Wake();
        _watcher.Renamed += (_, _) => Wake();
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }
}
