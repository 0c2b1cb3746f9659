using System.Globalization;
using CinemaStats.Transform.Pos;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Benchmarks.Throughput;

/// <summary>
/// Our transform against DuckDB on the same raw files, in the same invocation, and our peak
/// memory on one file in a process of its own. Commands:
/// <c>throughput [--rows 1000000] [--days 30] [--repeat 3] [--source sessions|pos_transactions] [--work DIR]</c>,
/// <c>generate --source sessions|pos_transactions --megabytes N [--days 365] --out FILE</c>,
/// <c>memory --source sessions|pos_transactions --file FILE</c>.
/// </summary>
public static class ThroughputBenchmark
{
    private static readonly string[] AllSources = ["sessions", "pos_transactions"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = long.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var days = int.Parse(Option(args, "--days") ?? "30", CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var work = WorkDirectory(args);
        string[] sources = Option(args, "--source") is { } only ? [only] : AllSources;

        Console.WriteLine(MachineInfo.Describe());
        var files = sources.ToDictionary(s => s, s => Generate(s, rows, days, Path.Combine(work, $"{s}-{rows}-{days}{Extension(s)}")));

        // Warm-up (JIT, DuckDB's extensions) on small files, not reported.
        foreach (var source in sources)
        {
            var small = Generate(source, 20_000, 2, Path.Combine(work, $"{source}-warmup{Extension(source)}"));
            await EnginePass.RunAsync(source, small, work);
            DuckDbReference.Run(source, small, Path.Combine(work, "warmup.parquet"));
        }

        foreach (var source in sources)
        {
            var ours = new List<EngineTiming>();
            var duck = new List<(TimeSpan Wall, TimeSpan Cpu)>();
            for (var i = 0; i < repeat; i++)
            {
                var pass = await EnginePass.RunAsync(source, files[source], work);
                if (pass.Failures.Count > 0)
                {
                    throw new InvalidOperationException($"The run failed: {string.Join("; ", pass.Failures)}");
                }
                ours.Add(pass);
                duck.Add(DuckDbReference.Run(source, files[source], Path.Combine(work, $"duckdb-{source}.parquet")));
                Console.WriteLine($"  {source} pass {i + 1}: ours {pass.Total.TotalSeconds:F2} s (staged after {pass.Staged.TotalSeconds:F2} s, CPU {pass.Cpu.TotalSeconds:F2} s), " +
                                  $"DuckDB {duck[^1].Wall.TotalSeconds:F2} s (CPU {duck[^1].Cpu.TotalSeconds:F2} s)");
            }
            var first = ours[0];
            var oursMedian = Median(ours.Select(o => o.Total.TotalSeconds));
            var stagedMedian = Median(ours.Select(o => o.Staged.TotalSeconds));
            var duckMedian = Median(duck.Select(d => d.Wall.TotalSeconds));
            var oursCpu = Median(ours.Select(o => o.Cpu.TotalSeconds));
            var duckCpu = Median(duck.Select(d => d.Cpu.TotalSeconds));
            Console.WriteLine($"{source}: {rows:N0} rows ({new FileInfo(files[source]).Length / 1048576.0:F0} MiB, {days} business dates; {first.RowsOut:N0} staged, {first.RowsQuarantined:N0} quarantined)");
            Console.WriteLine($"  ours   raw → every asset published (facts, marts, dimensions): median {oursMedian:F2} s (min {ours.Min(o => o.Total.TotalSeconds):F2}, max {ours.Max(o => o.Total.TotalSeconds):F2}), {rows / oursMedian:N0} rows/s; staging alone {stagedMedian:F2} s");
            Console.WriteLine($"  DuckDB COPY (SELECT … FROM read_{(source == "sessions" ? "csv" : "json")}) TO parquet: median {duckMedian:F2} s (min {duck.Min(d => d.Wall.TotalSeconds):F2}, max {duck.Max(d => d.Wall.TotalSeconds):F2}), {rows / duckMedian:N0} rows/s");
            Console.WriteLine($"  ratio ours / DuckDB: {oursMedian / duckMedian:F2}× end to end, {stagedMedian / duckMedian:F2}× staging alone (target ≤ 1.5×); " +
                              $"CPU seconds: ours {oursCpu:F2}, DuckDB {duckCpu:F2}, {oursCpu / duckCpu:F2}×");
        }
        return 0;
    }

    public static int Generate(string[] args)
    {
        var source = Option(args, "--source") ?? throw new ArgumentException("--source is required");
        var megabytes = long.Parse(Option(args, "--megabytes") ?? "1024", CultureInfo.InvariantCulture);
        var days = int.Parse(Option(args, "--days") ?? "365", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? throw new ArgumentException("--out is required");
        var rows = RawFiles.RowsFor(source, megabytes);
        Generate(source, rows, days, output);
        Console.WriteLine($"{output}: {rows:N0} rows, {new FileInfo(output).Length / 1048576.0:F0} MiB over {days} business dates");
        return 0;
    }

    /// <summary>One engine pass on an existing file in this (fresh) process, then its peak resident memory.</summary>
    public static async Task<int> MemoryAsync(string[] args)
    {
        var source = Option(args, "--source") ?? throw new ArgumentException("--source is required");
        var file = Option(args, "--file") ?? throw new ArgumentException("--file is required");
        var before = PeakMemory.MiB();
        var pass = await EnginePass.RunAsync(source, file, WorkDirectory(args));
        if (pass.Failures.Count > 0)
        {
            throw new InvalidOperationException($"The run failed: {string.Join("; ", pass.Failures)}");
        }
        Console.WriteLine($"{source}: {new FileInfo(file).Length / 1048576.0:F0} MiB input, {pass.RowsIn:N0} rows, {pass.Total.TotalSeconds:F1} s " +
                          $"(staged after {pass.Staged.TotalSeconds:F1} s): peak resident memory (VmHWM) {PeakMemory.MiB():F0} MiB (at start {before:F0} MiB)");
        return 0;
    }

    /// <summary>The parser alone over a file (no staging writes): where the staging time goes.</summary>
    public static int Parse(string[] args)
    {
        var source = Option(args, "--source") ?? throw new ArgumentException("--source is required");
        var file = Option(args, "--file") ?? throw new ArgumentException("--file is required");
        for (var pass = 0; pass < 3; pass++)
        {
            var cpu = ProcessCpu.Now();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var content = File.OpenRead(file);
            var rows = source == "sessions"
                ? SessionsCsvReader.Read(content, file).LongCount(r => r.Record is not null)
                : PosTransactionsReader.Read(content, _ => null).LongCount(r => r.Record is not null);
            Console.WriteLine($"{source} parse only: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F2} s, {rows / watch.Elapsed.TotalSeconds:N0} rows/s, CPU {(ProcessCpu.Now() - cpu).TotalSeconds:F2} s");
        }
        return 0;
    }

    private static string Generate(string source, long rows, int days, string path)
    {
        if (!File.Exists(path))
        {
            var temp = path + ".part";
            _ = source == "sessions" ? RawFiles.WriteSessions(temp, rows, days) : RawFiles.WritePos(temp, rows, days);
            File.Move(temp, path, overwrite: true);
        }
        return path;
    }

    private static string Extension(string source) => source == "sessions" ? ".csv" : ".jsonl";

    private static string WorkDirectory(string[] args)
    {
        var work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "cinemastats-throughput");
        Directory.CreateDirectory(work);
        return work;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
