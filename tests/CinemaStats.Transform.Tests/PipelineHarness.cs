using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Tests;

/// <summary>The transform's engine over a real store, with the real assets unless others are given.</summary>
public sealed class PipelineHarness
{
    public PipelineHarness(IObjectStore store, IEnumerable<Asset>? assets = null, TransformOptions? options = null)
    {
        Store = store;
        Options = options ?? new TransformOptions();
        Graph = new AssetGraph(assets ?? AllAssets());
        Ledger = new RawObjectLedger(store);
        States = new AssetPartitionStates(store);
        Runs = new RunHistory(store, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
        Runner = new PipelineRunner(store, Graph, Ledger, States, Runs, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<PipelineRunner>.Instance);
        Freshness = new FreshnessMonitor(store, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, new TestMeterFactory(), NullLogger<FreshnessMonitor>.Instance);
        Worker = new PipelineWorker(store, Runner, Ledger, Freshness, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<PipelineWorker>.Instance);
    }

    /// <summary>The assets the worker registers, in a fresh set.</summary>
    public static IEnumerable<Asset> AllAssets() => AssetRegistry.Create();

    public IObjectStore Store { get; }
    public TransformOptions Options { get; }
    public AssetGraph Graph { get; }
    public RawObjectLedger Ledger { get; }
    public AssetPartitionStates States { get; }
    public RunHistory Runs { get; }
    public PipelineRunner Runner { get; }
    public PipelineWorker Worker { get; }
    public FreshnessMonitor Freshness { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Puts a sessions CSV under raw/ as ingest would.</summary>
    public async Task<RawObjectKey> PutSessionsAsync(string csv, string? uploadId = null)
    {
        var raw = new RawObjectKey("sessions", new DateOnly(2026, 3, 8), uploadId ?? Guid.NewGuid().ToString("N"), ".csv");
        await Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(csv)), cancellationToken: Ct);
        return raw;
    }

    /// <summary>Puts a raw file of any source under raw/ as ingest would.</summary>
    public async Task<RawObjectKey> PutRawAsync(string source, string extension, string text)
    {
        var raw = new RawObjectKey(source, new DateOnly(2026, 3, 8), Guid.NewGuid().ToString("N"), extension);
        await Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: Ct);
        return raw;
    }

    /// <summary>Runs one reconcile pass with a stale scan, as the worker does at start.</summary>
    public Task<RunRecord?> ReconcileAsync() => Worker.ReconcileOnceAsync(scanAllDates: true, Ct);

    /// <summary>The published rows of fact_session (what readers see), by manifest, as sorted text lines.</summary>
    public async Task<List<string>> PublishedFactSessionAsync()
    {
        var files = new List<string>();
        foreach (var state in await States.ListAsync("fact_session", Ct))
        {
            foreach (var key in state.Files)
            {
                var local = Path.GetTempFileName();
                await using (var source = await Store.OpenReadAsync(key, Ct))
                await using (var target = File.Create(local))
                {
                    await source.CopyToAsync(target, Ct);
                }
                files.Add(local);
            }
        }
        if (files.Count == 0)
        {
            return [];
        }
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT session_id || '|' || cinema_id || '|' || COALESCE(CAST(capacity AS VARCHAR), '') || '|' || CAST(showtime_local AS VARCHAR) FROM read_parquet([{string.Join(", ", files.Select(f => $"'{f}'"))}]) ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        files.ForEach(File.Delete);
        return rows;
    }

    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var head in Store.ListAllAsync(prefix, Ct))
        {
            keys.Add(head.Key);
        }
        return keys;
    }
}

/// <summary>Meters for tests, disposed with the process.</summary>
public sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
{
    public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
