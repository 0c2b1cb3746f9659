using System.Diagnostics;
using System.Globalization;
using CinemaStats.Core.Storage;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CinemaStats.Web;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>
/// p50 and p95 of every catalogue query on DuckDB over a generated year (default 1M sessions,
/// 10M ticket lines), cold (the first query of a new engine, i.e. of a new data version: views
/// built, no Parquet metadata cached, the in-memory load starting beside it) and warm (the engine
/// of the running web once the version is in memory, result cache bypassed); the load time and the
/// process memory; then a whole one-month overview load through the dashboard layer, and the bytes
/// Athena would scan for it.
/// </summary>
public static class QueriesBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Int(args, "--sessions", 1_000_000);
        var ticketLines = Int(args, "--ticket-lines", 10_000_000);
        var days = Int(args, "--days", 365);
        var cinemas = Int(args, "--cinemas", 40);
        var warmSamples = Int(args, "--samples", 30);
        var coldSamples = Int(args, "--cold-samples", 3);
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), $"cinemastats-queries-{sessions}-{ticketLines}-{days}");
        var objects = Path.Combine(data, "objects");
        var ct = CancellationToken.None;

        var marker = Path.Combine(data, "complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
            Console.Error.WriteLine($"Generating {sessions:N0} sessions and about {ticketLines:N0} ticket lines over {days} days in {data} ...");
            var timer = Stopwatch.StartNew();
            var generator = new SyntheticCinemaData(sessions, ticketLines, days, cinemas);
            await generator.PublishAsync(new FileSystemObjectStore(objects), Console.Error, ct);
            await File.WriteAllTextAsync(marker, $"{generator.TicketLinesWritten}", ct);
            Console.Error.WriteLine($"Generated in {timer.Elapsed.TotalSeconds:0} s.");
        }
        var linesWritten = long.Parse(await File.ReadAllTextAsync(marker, ct), CultureInfo.InvariantCulture);

        await using var services = Services(objects);
        var catalog = await services.GetRequiredService<IPublishedTables>().GetAsync(ct);
        var monthStart = SyntheticCinemaData.FirstDay.AddDays(days / 2);
        monthStart = new DateOnly(monthStart.Year, monthStart.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var cases = BenchmarkCase.All(monthStart);

        Console.WriteLine($"## Query layer: DuckDB, {sessions:N0} sessions, {linesWritten:N0} ticket lines, {days} days, {cinemas} cinemas");
        Console.WriteLine();
        Console.WriteLine($"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, load average {LoadAverage()}; month {monthStart:yyyy-MM-dd}..{monthEnd:yyyy-MM-dd}; " +
            $"cold = first query of a new engine (new data version), {coldSamples} samples; warm = one engine with the version in memory, {warmSamples} samples after a warm-up, result cache bypassed.");
        Console.WriteLine();
        Console.WriteLine("| page | query | rows | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms | Athena scan (KB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");

        var scan = AthenaScanEstimate.Read(catalog);
        var rssBefore = ResidentMegabytes();
        using var warmEngine = new DuckDbQueryEngine();
        var loadTimer = Stopwatch.StartNew();
        await warmEngine.ExecuteAsync(cases[0].Request(Timeout), catalog, ct);
        await warmEngine.LoadedAsync();
        var warmLoad = loadTimer.Elapsed.TotalMilliseconds;
        GC.Collect();
        var rssLoaded = ResidentMegabytes();
        var worstWarmP95 = 0.0;
        var loads = new List<double>();
        foreach (var benchmark in cases)
        {
            var request = benchmark.Request(Timeout);
            var cold = new List<double>();
            for (var i = 0; i < coldSamples; i++)
            {
                using var engine = new DuckDbQueryEngine();
                var timer = Stopwatch.StartNew();
                cold.Add(await TimeAsync(() => engine.ExecuteAsync(request, catalog, ct)));
                await engine.LoadedAsync();
                loads.Add(timer.Elapsed.TotalMilliseconds);
            }
            var rows = (await warmEngine.ExecuteAsync(request, catalog, ct)).Rows.Count;
            await warmEngine.ExecuteAsync(request, catalog, ct);
            var warm = new List<double>();
            for (var i = 0; i < warmSamples; i++)
            {
                warm.Add(await TimeAsync(() => warmEngine.ExecuteAsync(request, catalog, ct)));
            }
            worstWarmP95 = Math.Max(worstWarmP95, Percentile(warm, 0.95));
            var bytes = scan.BytesScanned(benchmark, catalog, monthStart, monthEnd);
            Console.WriteLine(FormattableString.Invariant(
                $"| {benchmark.Page} | {benchmark.Query.Name} | {rows} | {Percentile(cold, 0.5):0.0} | {Percentile(cold, 0.95):0.0} | {Percentile(warm, 0.5):0.0} | {Percentile(warm, 0.95):0.0} | {bytes / 1024.0:0.0} |"));
        }
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Worst warm p95: {worstWarmP95:0.0} ms (target ≤ 100 ms). Load average now {LoadAverage()}."));
        Console.WriteLine(FormattableString.Invariant(
            $"In-memory load of a new version (first query to copies ready): {warmLoad:0} ms for the kept engine; over the {loads.Count} cold engines p50 {Percentile(loads, 0.5):0} ms, p95 {Percentile(loads, 0.95):0} ms."));
        Console.WriteLine(FormattableString.Invariant(
            $"Process memory (RSS): {rssBefore:0} MB before the engine, {rssLoaded:0} MB with the version in memory, {ResidentMegabytes():0} MB now, peak {PeakResidentMegabytes():0} MB."));

        var overview = cases.Where(c => c.Page == "overview").ToList();
        var overviewBytes = overview.Sum(c => scan.BytesScanned(c, catalog, monthStart, monthEnd));
        Console.WriteLine(FormattableString.Invariant(
            $"One-month overview load on Athena ({overview.Count} queries): {overviewBytes / 1024.0 / 1024.0:0.00} MB scanned by the estimate (target ≤ 10 MB); Athena bills at least 10 MB per query, so without result reuse that load is billed as {overview.Count * 10} MB."));

        var dashboard = services.GetRequiredService<IDashboardQueries>();
        var filter = DashboardFilter.ForRange(monthStart, monthEnd);
        var first = await TimeAsync(() => LoadOverviewAsync(dashboard, filter));
        var cached = await TimeAsync(() => LoadOverviewAsync(dashboard, filter));
        Console.WriteLine(FormattableString.Invariant(
            $"Whole overview load through the dashboard layer (10 queries, one after another): first {first:0} ms, from the result cache {cached:0.0} ms."));
        return 0;
    }

    internal static async Task<int> LoadOverviewAsync(IDashboardQueries q, DashboardFilter filter)
    {
        var ct = CancellationToken.None;
        await q.FilterOptionsAsync(ct);
        await q.KpiTotalsAsync(filter, ct);
        await q.DailyAsync(filter, ct);
        await q.TopFilmsAsync(filter, 10, ct);
        await q.CinemasAsync(filter, ct);
        await q.DaypartWeekdayAsync(filter, ct);
        await q.GenreMixAsync(filter, ct);
        await q.DistributorShareAsync(filter, ct);
        return 0;
    }

    internal static ServiceProvider Services(string objects)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Mode"] = "Filesystem",
            ["Storage:RootPath"] = objects,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddObjectStore();
        services.AddDashboardQueries(configuration);
        return services.BuildServiceProvider();
    }

    private static double ResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    private static double PeakResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        var timer = Stopwatch.StartNew();
        await run();
        return timer.Elapsed.TotalMilliseconds;
    }

    internal static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    internal static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
