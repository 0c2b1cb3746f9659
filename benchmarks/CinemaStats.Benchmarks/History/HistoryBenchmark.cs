using System.Diagnostics;
using System.Globalization;
using CinemaStats.Benchmarks.Queries;
using CinemaStats.Benchmarks.Throughput;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Benchmarks.History;

/// <summary>
/// Whether a day's upload costs the same over years of history as over none: a published history of
/// <c>--days</c> × <c>--cinemas</c> (sessions and ticket lines staged straight into the store, then
/// published by the engine in one run), then one more day's upload (the chain's sessions and POS files)
/// to every asset published (timed from storing the two files to the end of the run), per sample in a process of its own (its peak RSS is the
/// transform's), beside the same uploads each on an empty store; again under a GC heap hard limit;
/// then the dashboard's overview in a web-side process over the grown history.
/// </summary>
public static class HistoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var days = QueriesBenchmark.Int(args, "--days", 730);
        var cinemas = QueriesBenchmark.Int(args, "--cinemas", 100);
        var perDay = QueriesBenchmark.Int(args, "--sessions-per-day", 4000);
        var linesPerSession = QueriesBenchmark.Int(args, "--lines-per-session", 4);
        var samples = QueriesBenchmark.Int(args, "--samples", 7);
        // The transform's Fargate task: 1024 MiB, 64 of them reserved by the collector sidecar (terraform/modules/compute).
        var heapLimit = QueriesBenchmark.Int(args, "--heap-limit-mib", 960);
        var data = QueriesBenchmark.Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"cinemastats-history-{days}-{cinemas}-{perDay}");
        var objects = Path.Combine(data, "objects");
        var ct = CancellationToken.None;

        Console.WriteLine($"## History: {days} days × {cinemas} cinemas, {perDay:N0} sessions a day");
        Console.WriteLine();
        Console.WriteLine(MachineInfo.Describe() + $"; load average {QueriesBenchmark.LoadAverage()}");
        var marker = Path.Combine(data, "complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
            var timer = Stopwatch.StartNew();
            var history = new SyntheticCinemaData(perDay * days, perDay * days * linesPerSession, days, cinemas);
            var run = await history.PublishAsync(new FileSystemObjectStore(objects), Console.Error, ct);
            await File.WriteAllTextAsync(marker, FormattableString.Invariant($"{perDay * (long)days} sessions, {history.TicketLinesWritten} ticket lines, {run.Partitions.Count} partitions published in {timer.Elapsed.TotalSeconds:0} s"), ct);
        }
        Console.WriteLine($"History: {await File.ReadAllTextAsync(marker, ct)} (staged straight into the store, published by the engine in one run).");
        Console.WriteLine();

        var start = await NextDayAsync(new FileSystemObjectStore(objects), ct);
        // The uploads' files are made here, before any measuring process starts.
        var dayFiles = Path.Combine(data, "days");
        foreach (var day in Enumerable.Range(-1, samples * 2 + 4).Select(start.AddDays))
        {
            await DayUpload.ReadOrMakeAsync(dayFiles, day, cinemas, ct);
        }
        var empty = Path.Combine(data, "empty");
        var reference = await ChildAsync(["history-upload", "--store", empty, "--start", Date(start), "--samples", $"{samples}", "--cinemas", $"{cinemas}", "--days-folder", dayFiles, "--fresh"], null);
        var grown = await ChildAsync(["history-upload", "--store", objects, "--start", Date(start), "--samples", $"{samples}", "--cinemas", $"{cinemas}", "--days-folder", dayFiles], null);
        var limited = await ChildAsync(["history-upload", "--store", objects, "--start", Date(start.AddDays(samples)), "--samples", "2", "--cinemas", $"{cinemas}", "--days-folder", dayFiles], heapLimit);
        var web = await WebAsync(objects, start.AddDays(samples + 2), cinemas, dayFiles);

        Console.WriteLine("| upload of one day (sessions + POS) → every asset published | samples | p50 s | p95 s | max s | peak RSS MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("on an empty store (reference: each sample a new store)", reference);
        Row($"on the history ({days} days)", grown);
        Row($"on the history, DOTNET_GCHeapHardLimit {heapLimit} MiB", limited);
        Console.WriteLine();
        var ratio = double.Parse(grown["p95_s"], CultureInfo.InvariantCulture) / double.Parse(reference["p95_s"], CultureInfo.InvariantCulture);
        Console.WriteLine(FormattableString.Invariant($"p95 with history / p95 on an empty store: {ratio:0.00}× (target ≤ 1.3×); p95 target ≤ 3 s; transform peak RSS target ≤ 512 MiB."));
        Console.WriteLine("| dashboard over the history (web process) | figure |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| first overview of the last month, a new process (answered from views while the tables load) | {web["overview_first_ms"]} ms |");
        Console.WriteLine($"| full load into memory ({web["full_load_files"]} files; in memory: {web["in_memory"]}) | {web["full_load_ms"]} ms |");
        Console.WriteLine($"| warm overview query p95 ({web["warm_queries"]} queries, result cache bypassed; target ≤ 20 ms) | {web["warm_p95_ms"]} ms |");
        Console.WriteLine($"| one more day uploaded: incremental update ({web["update_files"]} files read, {web["update_partitions"]} partitions replaced) | {web["update_ms"]} ms |");
        Console.WriteLine($"| warm overview query p95 after the update | {web["warm_after_p95_ms"]} ms |");
        Console.WriteLine($"| RSS with the history in memory / peak RSS (target ≤ 768 MiB) | {web["rss_loaded_mib"]} / {web["peak_rss_mib"]} MiB |");
        Console.WriteLine($"Sample days: {string.Join(", ", grown["days"].Split(' '))}; partitions rebuilt per upload: {grown["partitions"]}.");
        return 0;
    }

    /// <summary>Child process: uploads <c>--samples</c> days one after another, each run to every asset published; prints its timings and peak RSS.</summary>
    public static async Task<int> UploadAsync(string[] args)
    {
        var root = QueriesBenchmark.Option(args, "--store")!;
        var start = DateOnly.ParseExact(QueriesBenchmark.Option(args, "--start")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var samples = QueriesBenchmark.Int(args, "--samples", 7);
        var cinemas = QueriesBenchmark.Int(args, "--cinemas", 100);
        var fresh = args.Contains("--fresh");
        DaysFolder = QueriesBenchmark.Option(args, "--days-folder") ?? DaysFolder;
        var ct = CancellationToken.None;

        // A warm-up day on a store of its own, so every sample runs with the code already compiled, as in a running worker.
        var warmUp = Path.Combine(Path.GetTempPath(), "cinemastats-warmup-" + Guid.NewGuid().ToString("N"));
        await UploadDayAsync(new FileSystemObjectStore(warmUp), start.AddDays(-1), cinemas, ct);
        Directory.Delete(warmUp, recursive: true);

        var seconds = new List<double>();
        var partitions = new List<int>();
        for (var i = 0; i < samples; i++)
        {
            var date = start.AddDays(i);
            var sampleRoot = fresh ? Path.Combine(root, Guid.NewGuid().ToString("N")) : root;
            var (elapsed, run) = await UploadDayAsync(new FileSystemObjectStore(sampleRoot), date, cinemas, ct);
            seconds.Add(elapsed);
            partitions.Add(run.Partitions.Count);
            if (fresh)
            {
                Directory.Delete(sampleRoot, recursive: true);
            }
        }
        Console.WriteLine(FormattableString.Invariant($"RESULT samples={samples}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT p50_s={QueriesBenchmark.Percentile(seconds, 0.5):0.00}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT p95_s={QueriesBenchmark.Percentile(seconds, 0.95):0.00}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT max_s={seconds.Max():0.00}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT peak_rss_mib={PeakMemory.MiB():0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT days={string.Join(' ', Enumerable.Range(0, samples).Select(i => Date(start.AddDays(i))))}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT partitions={string.Join('/', partitions.Distinct())}"));
        return 0;
    }

    private static async Task<(double Seconds, RunRecord Run)> UploadDayAsync(IObjectStore store, DateOnly date, int cinemas, CancellationToken ct)
    {
        var files = await DayUpload.ReadOrMakeAsync(DaysFolder, date, cinemas, ct);
        var timer = Stopwatch.StartNew();
        var raw = await DayUpload.PutAsync(store, files, ct);
        var run = await SyntheticCinemaData.Runner(store).RunAsync(new RunRequest("benchmark", raw, []), ct);
        var elapsed = timer.Elapsed.TotalSeconds;
        var failed = run.Partitions.Where(p => p.Status != AssetPartitionState.Materialized).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{date}: {failed.Count} partitions not published, first {failed[0].Asset} {failed[0].Partition}: {failed[0].Status} {failed[0].Error}");
        }
        return (elapsed, run);
    }

    /// <summary>Where the parent keeps the uploads' files (beside the store, <c>--days-folder</c>).</summary>
    private static string DaysFolder { get; set; } = Path.Combine(Path.GetTempPath(), "cinemastats-history-days");

    private static async Task<DateOnly> NextDayAsync(IObjectStore store, CancellationToken ct)
    {
        var names = await new AssetPartitionStates(store).ListNamesAsync("fact_session", ct);
        return names.Select(n => PartitionCalendar.TryParse(n, out var d) ? d : DateOnly.MinValue).Max().AddDays(1);
    }

    private static void Row(string name, IReadOnlyDictionary<string, string> r) =>
        Console.WriteLine($"| {name} | {r["samples"]} | {r["p50_s"]} | {r["p95_s"]} | {r["max_s"]} | {r["peak_rss_mib"]} |");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The web process over the history; when it is loaded, one more day is uploaded through the engine (another process), then it takes the update.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> WebAsync(string objects, DateOnly day, int cinemas, string days)
    {
        using var web = Process.Start(Start(["history-web", "--store", objects], null, input: true))!;
        var results = new Dictionary<string, string>();
        async Task ReadUntilAsync(string? marker)
        {
            while (await web.StandardOutput.ReadLineAsync() is { } line && line != marker)
            {
                if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    var pair = line["RESULT ".Length..].Split('=', 2);
                    results[pair[0]] = pair[1].Trim();
                }
            }
        }
        await ReadUntilAsync("READY");
        await ChildAsync(["history-upload", "--store", objects, "--start", Date(day), "--samples", "1", "--cinemas", $"{cinemas}", "--days-folder", days], null);
        await web.StandardInput.WriteLineAsync("go");
        await web.StandardInput.FlushAsync();
        await ReadUntilAsync(null);
        await web.WaitForExitAsync();
        return web.ExitCode == 0 ? results : throw new InvalidOperationException($"history-web exited with {web.ExitCode}");
    }

    private static ProcessStartInfo Start(string[] args, int? heapLimitMiB, bool input = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = input, UseShellExecute = false };
        start.ArgumentList.Add(typeof(HistoryBenchmark).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_gcServer"] = "1";
        if (heapLimitMiB is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{(long)limit * 1024 * 1024:X}";
        }
        return start;
    }

    /// <summary>Runs this benchmark binary again with <paramref name="args"/>; returns its RESULT lines.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ChildAsync(string[] args, int? heapLimitMiB)
    {
        using var process = Process.Start(Start(args, heapLimitMiB))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}");
        }
        return output.Split('\n').Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Select(l => l["RESULT ".Length..].Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
    }
}
