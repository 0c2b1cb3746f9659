using System.Diagnostics;
using System.Globalization;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Web;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>
/// The web's DuckDB engine over a long published history (default 2 years × 100 cinemas, 3M
/// sessions): the first load of the in-memory tables, the warm overview queries, then one more
/// day published and taken in, and the process's peak memory.
/// <para>
/// The data is generated once into <c>--data</c> (the history, a copy of its partition states,
/// and the next day published into a store of its own); a run that had to generate stops there,
/// so that the measuring run's peak RSS is the engine's alone. Each measuring run starts from the
/// history's states and publishes the next day by copying its files, then its states, into the store.
/// </para>
/// </summary>
public static class WebUpdateBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Int(args, "--sessions", 3_000_000);
        var ticketLines = Int(args, "--ticket-lines", 3_000_000);
        var days = Int(args, "--days", 730);
        var cinemas = Int(args, "--cinemas", 100);
        var samples = Int(args, "--samples", 30);
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"cinemastats-web-update-{sessions}-{ticketLines}-{days}-{cinemas}");
        var objects = Path.Combine(data, "objects");
        var historyStates = Path.Combine(data, "history-states");
        var nextDay = Path.Combine(data, "next-day");
        var ct = CancellationToken.None;

        if (!File.Exists(Path.Combine(data, "complete")))
        {
            await GenerateAsync(new SyntheticCinemaData(sessions, ticketLines, days, cinemas), data, objects, historyStates, nextDay, ct);
            Console.Error.WriteLine("Generated. Run again to measure (a fresh process, so that peak memory is the engine's alone).");
            return 0;
        }
        Replace(historyStates, Path.Combine(objects, PipelineKey.Root, "assets"));

        var settings = new Dictionary<string, string?>
        {
            ["Storage:Mode"] = "Filesystem",
            ["Storage:RootPath"] = objects,
            ["Query:PublishedRefreshInterval"] = "00:00:00",
        };
        foreach (var name in new[] { "InMemoryTableMaxBytes", "DuckDbMemoryLimitMiB", "DuckDbThreads" })
        {
            if (Option(args, "--" + name) is { } value)
            {
                settings["Query:" + name] = value;
            }
        }
        await using var services = Services(settings);
        var engine = (DuckDbQueryEngine)services.GetRequiredService<IQueryEngine>();
        var published = services.GetRequiredService<IPublishedTables>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueryOptions>>().Value;

        var lastDay = SyntheticCinemaData.FirstDay.AddDays(days - 1);
        var monthStart = new DateOnly(lastDay.Year, lastDay.Month, 1).AddMonths(-1);
        var overview = BenchmarkCase.All(monthStart).Where(c => c.Page == "overview").ToList();

        Console.WriteLine($"## Web engine over history: {sessions:N0} sessions, {days} days, {cinemas} cinemas");
        Console.WriteLine();
        Console.WriteLine($"{MachineInfo.Describe()}; load average {LoadAverage()}. Options: InMemoryTableMaxBytes {options.InMemoryTableMaxBytes:N0}, " +
            $"DuckDbMemoryLimitMiB {options.DuckDbMemoryLimitMiB}, DuckDbThreads {options.DuckDbThreads} (0: {Environment.ProcessorCount}); " +
            $"overview month {monthStart:yyyy-MM-dd}..{monthStart.AddMonths(1).AddDays(-1):yyyy-MM-dd}, warm = {samples} runs per query after a warm-up, result cache bypassed.");
        Console.WriteLine();

        var rssBefore = ResidentMiB();
        var catalog = await published.GetAsync(ct);
        var timer = Stopwatch.StartNew();
        var firstAnswer = await TimeAsync(() => engine.ExecuteAsync(overview[0].Request(Timeout), catalog, ct));
        await engine.LoadedAsync();
        var full = engine.LastUpdate ?? throw new InvalidOperationException("The first load failed.");
        var fullWall = timer.Elapsed.TotalMilliseconds;
        var rssLoaded = ResidentMiB();
        var warmBefore = await WarmAsync(engine, overview, catalog, samples);

        Publish(nextDay, objects);
        var next = await published.GetAsync(ct);
        timer.Restart();
        var nextAnswer = await TimeAsync(() => engine.ExecuteAsync(overview[0].Request(Timeout), next, ct));
        await engine.LoadedAsync();
        var update = engine.LastUpdate;
        var updateWall = timer.Elapsed.TotalMilliseconds;
        if (update?.Version != next.Fingerprint)
        {
            throw new InvalidOperationException("The new day was not taken in.");
        }
        var warmAfter = await WarmAsync(engine, overview, next, samples);

        Console.WriteLine("| step | figure |");
        Console.WriteLine("|---|---:|");
        Row("first query of the history (views over the files, before the load)", $"{firstAnswer:0} ms");
        Row($"full initial load into memory ({full.FilesRead} files; held: {string.Join(", ", full.InMemory)})", $"{full.Elapsed.TotalMilliseconds:0} ms (first query to loaded: {fullWall:0} ms)");
        Row("first query of the new day (views over the files, before the update)", $"{nextAnswer:0} ms");
        Row($"incremental update for one new day ({update.FilesRead} files read, {update.PartitionsReplaced} partitions replaced, compressed after: {update.Compressed})", $"{update.Elapsed.TotalMilliseconds:0} ms (first query to updated: {updateWall:0} ms)");
        Row("warm overview p95 (worst query), history", $"{warmBefore.Max(w => w.P95):0.0} ms");
        Row("warm overview p95 (worst query), after the new day", $"{warmAfter.Max(w => w.P95):0.0} ms");
        Row("RSS before the engine / with the history in memory / now", $"{rssBefore:0} / {rssLoaded:0} / {ResidentMiB():0} MiB");
        Row("process peak RSS (VmHWM)", $"{PeakResidentMiB():0} MiB");
        Console.WriteLine();
        Console.WriteLine("| overview query | warm p50 ms | warm p95 ms | after the new day p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (before, after) in warmBefore.Zip(warmAfter))
        {
            Console.WriteLine(FormattableString.Invariant($"| {before.Name} | {before.P50:0.0} | {before.P95:0.0} | {after.P95:0.0} |"));
        }
        return 0;
    }

    private static async Task GenerateAsync(SyntheticCinemaData generator, string data, string objects, string historyStates, string nextDay, CancellationToken ct)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        Console.Error.WriteLine($"Generating the history in {data} ...");
        var timer = Stopwatch.StartNew();
        await generator.PublishAsync(new FileSystemObjectStore(objects), Console.Error, ct);
        Replace(Path.Combine(objects, PipelineKey.Root, "assets"), historyStates);
        // The next day lands in a store of its own, with the marts and dimensions as they are after it.
        await generator.PublishDaysAsync(new FileSystemObjectStore(nextDay), 1, Console.Error, ct);
        await File.WriteAllTextAsync(Path.Combine(data, "complete"), $"{generator.TicketLinesWritten}", ct);
        Console.Error.WriteLine($"Generated in {timer.Elapsed.TotalSeconds:0} s.");
    }

    /// <summary>As the transform publishes: the data files first, then the partition states that name them.</summary>
    private static void Publish(string from, string to)
    {
        foreach (var prefix in new[] { CuratedPartitionKey.Root, PipelineKey.Root })
        {
            var source = Path.Combine(from, prefix);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, prefix, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    private static void Replace(string from, string to)
    {
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<List<(string Name, double P50, double P95)>> WarmAsync(
        DuckDbQueryEngine engine, IReadOnlyList<BenchmarkCase> cases, PublishedCatalog catalog, int samples)
    {
        var results = new List<(string, double, double)>();
        foreach (var benchmark in cases)
        {
            var request = benchmark.Request(Timeout);
            await engine.ExecuteAsync(request, catalog, CancellationToken.None);
            var times = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                times.Add(await TimeAsync(() => engine.ExecuteAsync(request, catalog, CancellationToken.None)));
            }
            results.Add((benchmark.Query.Name, Percentile(times, 0.5), Percentile(times, 0.95)));
        }
        return results;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddObjectStore();
        services.AddDashboardQueries(configuration);
        return services.BuildServiceProvider();
    }

    private static void Row(string step, string figure) => Console.WriteLine($"| {step} | {figure} |");

    private static double ResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    private static double PeakResidentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        var timer = Stopwatch.StartNew();
        await run();
        return timer.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
