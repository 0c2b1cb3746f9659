using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Sessions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Pipeline;

/// <summary>
/// Finds raw objects the ledger has not seen and materializes what they feed. Comparing
/// <c>raw/</c> with the ledger, rather than trusting events, means nothing is lost when an
/// event is.
/// </summary>
public sealed class RawObjectReconciler(
    IObjectStore store,
    RawObjectLedger ledger,
    FactSessionMaterializer factSession,
    IOptions<TransformOptions> options,
    TimeProvider clock,
    ILogger<RawObjectReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, clock);
        do
        {
            try
            {
                await ReconcileOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reconciling raw/ failed; trying again in {Interval}", options.Value.ReconcileInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Processes every sessions object that has no ledger entry; returns how many it processed.</summary>
    public async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var known = await ledger.KnownRawKeysAsync(cancellationToken);
        var processed = 0;
        await foreach (var head in store.ListAllAsync(RawObjectKey.PrefixOf(SourceCatalog.Sessions.Name), cancellationToken))
        {
            if (known.Contains(head.Key) || !RawObjectKey.TryParse(head.Key, out var raw))
            {
                continue;
            }
            await ProcessAsync(raw, cancellationToken);
            processed++;
        }
        return processed;
    }

    private async Task ProcessAsync(RawObjectKey raw, CancellationToken cancellationToken)
    {
        // A fault of the store is transient: no ledger entry, so the next pass tries again.
        RawObjectStatus status;
        await ledger.MarkRunningAsync(raw, cancellationToken);
        try
        {
            status = await factSession.MaterializeAsync(raw, cancellationToken);
            logger.LogInformation("Materialized {RawKey}: {RowsIn} rows in, {RowsOut} out, {Quarantined} quarantined, {Parts} partitions",
                raw, status.RowsIn, status.RowsOut, status.RowsQuarantined, status.Outputs.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ObjectStoreUnavailableException)
        {
            status = new RawObjectStatus(raw.ToString(), RawObjectStatus.Failed, 0, 0, 0, [], e.Message, clock.GetUtcNow());
            logger.LogWarning("Could not read {RawKey}: {Reason}", raw, e.Message);
        }
        await ledger.RecordAsync(raw, status, cancellationToken);
        await ledger.ClearRunningAsync(raw, cancellationToken);
    }
}
