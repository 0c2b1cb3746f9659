using System.Diagnostics;
using CinemaStats.Benchmarks.Queries;
using CinemaStats.Benchmarks.Throughput;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Benchmarks.History;

/// <summary>
/// Child process: the dashboard's side of the history benchmark, with the web's own services. The
/// overview of the last month as an analyst first opens it (a new data version: the tables loaded
/// into memory), each overview query warm (result cache bypassed); then, once the parent has uploaded
/// one more day through the engine (it writes a line to this process's input), the incremental update
/// to that version and the warm queries again. Prints the figures and its peak RSS.
/// </summary>
public static class HistoryWeb
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var objects = QueriesBenchmark.Option(args, "--store")!;
        var samples = QueriesBenchmark.Int(args, "--samples", 30);
        var ct = CancellationToken.None;
        await using var services = QueriesBenchmark.Services(objects, new Dictionary<string, string?> { ["Query:PublishedRefreshInterval"] = "00:00:00" });
        var engine = (DuckDbQueryEngine)services.GetRequiredService<IQueryEngine>();
        var published = services.GetRequiredService<IPublishedTables>();
        var dashboard = services.GetRequiredService<IDashboardQueries>();
        var last = (await dashboard.FilterOptionsAsync(ct)).LastDate ?? throw new InvalidOperationException("The store has published no data.");
        var monthStart = new DateOnly(last.Year, last.Month, 1);
        var overview = BenchmarkCase.All(monthStart).Where(c => c.Page == "overview").ToList();

        var first = await QueriesBenchmark.TimeAsync(() => QueriesBenchmark.LoadOverviewAsync(dashboard, DashboardFilter.ForRange(monthStart, last)));
        await engine.LoadedAsync();
        var full = engine.LastUpdate ?? throw new InvalidOperationException("The first load failed.");
        var catalog = await published.GetAsync(ct);
        var warm = await WarmAsync(engine, overview, catalog, samples);
        Console.WriteLine(FormattableString.Invariant($"RESULT overview_first_ms={first:0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT full_load_ms={full.Elapsed.TotalMilliseconds:0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT full_load_files={full.FilesRead}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT in_memory={string.Join(' ', full.InMemory)}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT warm_p95_ms={QueriesBenchmark.Percentile(warm, 0.95):0.0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT warm_queries={overview.Count}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT rss_loaded_mib={Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:0}"));
        Console.WriteLine("READY");
        await Console.In.ReadLineAsync(ct);

        var next = await published.GetAsync(ct);
        if (next.Fingerprint == catalog.Fingerprint)
        {
            throw new InvalidOperationException("No new data version was published while waiting.");
        }
        var timer = Stopwatch.StartNew();
        await engine.ExecuteAsync(overview[0].Request(Timeout), next, ct);
        await engine.LoadedAsync();
        var updated = timer.Elapsed.TotalMilliseconds;
        var update = engine.LastUpdate;
        var warmAfter = await WarmAsync(engine, overview, next, samples);
        // An update that failed leaves the last one in place: report it as not taken, never the first load's figures.
        var taken = update?.Version == next.Fingerprint;
        Console.WriteLine(FormattableString.Invariant($"RESULT update_ms={(taken ? $"{update!.Elapsed.TotalMilliseconds:0}" : "not taken")}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT update_to_loaded_ms={updated:0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT update_files={(taken ? $"{update!.FilesRead}" : "-")}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT update_partitions={(taken ? $"{update!.PartitionsReplaced}" : "-")}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT warm_after_p95_ms={QueriesBenchmark.Percentile(warmAfter, 0.95):0.0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT peak_rss_mib={PeakMemory.MiB():0}"));
        return 0;
    }

    private static async Task<List<double>> WarmAsync(DuckDbQueryEngine engine, IReadOnlyList<BenchmarkCase> queries, PublishedCatalog catalog, int samples)
    {
        var times = new List<double>();
        foreach (var query in queries)
        {
            var request = query.Request(Timeout);
            await engine.ExecuteAsync(request, catalog, CancellationToken.None);
            for (var i = 0; i < samples; i++)
            {
                var timer = Stopwatch.StartNew();
                await engine.ExecuteAsync(request, catalog, CancellationToken.None);
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }
        return times;
    }
}
