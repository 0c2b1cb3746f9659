using System.Diagnostics;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CinemaStats.Benchmarks.Throughput;

/// <summary>When a pass finished staging, and when it finished everything, from the start of the run.</summary>
public sealed record EngineTiming(TimeSpan Staged, TimeSpan Total, TimeSpan Cpu, long RowsIn, long RowsOut, long RowsQuarantined, IReadOnlyList<string> Failures);

/// <summary>
/// One raw file through the transform's engine as the worker runs it: a file-system store, every
/// asset the worker runs (staging, facts, marts, dimensions), one <see cref="PipelineRunner"/> run
/// from the raw object to every asset published. The copy into the store is not timed.
/// </summary>
public static class EnginePass
{
    public static async Task<EngineTiming> RunAsync(string source, string file, string workDirectory)
    {
        var root = Path.Combine(workDirectory, "store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileSystemObjectStore(root);
            var raw = new RawObjectKey(source, new DateOnly(2026, 1, 1), Guid.NewGuid().ToString("N"), Path.GetExtension(file));
            await using (var content = File.OpenRead(file))
            {
                await store.PutAsync(raw.ToString(), content);
            }

            var options = Options.Create(new TransformOptions());
            var clock = new PhaseClock();
            var graph = new AssetGraph(AssetRegistry.Create());
            var ledger = new RawObjectLedger(store);
            var runner = new PipelineRunner(store, graph, ledger, new AssetPartitionStates(store), new RunHistory(store, options, TimeProvider.System),
                options, TimeProvider.System, clock);

            var cpu = ProcessCpu.Now();
            clock.Start();
            var run = await runner.RunAsync(new RunRequest("benchmark", [raw], []), CancellationToken.None);
            var total = clock.Elapsed;
            cpu = ProcessCpu.Now() - cpu;
            var status = await ledger.GetAsync(raw, CancellationToken.None)
                ?? throw new InvalidOperationException($"{raw} has no ledger entry after the run.");
            var failures = run.Partitions.Where(p => p.Status != AssetPartitionState.Materialized).Select(p => $"{p.Asset} {p.Partition}: {p.Status} {p.Error}").ToList();
            return new EngineTiming(clock.Staged ?? total, total, cpu, status.RowsIn, status.RowsOut, status.RowsQuarantined, failures);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>
    /// The runner's logger, noting when the staging of the raw object was logged as done. With
    /// <c>CINEMASTATS_BENCH_TRACE=1</c> every log line is printed with its time from the start of the run.
    /// </summary>
    private sealed class PhaseClock : ILogger<PipelineRunner>
    {
        private static readonly bool Trace = Environment.GetEnvironmentVariable("CINEMASTATS_BENCH_TRACE") == "1";
        private readonly Stopwatch _watch = new();

        public TimeSpan Elapsed => _watch.Elapsed;

        public TimeSpan? Staged { get; private set; }

        public void Start() => _watch.Restart();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (Trace)
            {
                Console.WriteLine($"    {_watch.Elapsed.TotalSeconds,7:F2} s  {message}");
            }
            if (Staged is null && message.StartsWith("stg_", StringComparison.Ordinal) && message.Contains(" rows in, ", StringComparison.Ordinal))
            {
                Staged = _watch.Elapsed;
            }
        }
    }
}
