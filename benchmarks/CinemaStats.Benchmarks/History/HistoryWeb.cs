using System.Diagnostics;
using System.Globalization;
using CinemaStats.Benchmarks.Queries;
using CinemaStats.Benchmarks.Throughput;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Benchmarks.History;

/// <summary>
/// Child process: the dashboard's side of the history benchmark. The overview of the last month of
/// data as an analyst first opens it (a new data version, its tables loaded), then each overview query
/// warm (the version in memory, the result cache bypassed); prints the timings and its peak RSS.
/// </summary>
public static class HistoryWeb
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var objects = QueriesBenchmark.Option(args, "--store")!;
        var samples = QueriesBenchmark.Int(args, "--samples", 30);
        var ct = CancellationToken.None;
        await using var services = QueriesBenchmark.Services(objects);
        var catalog = await services.GetRequiredService<IPublishedTables>().GetAsync(ct);
        var dashboard = services.GetRequiredService<IDashboardQueries>();
        var last = (await dashboard.FilterOptionsAsync(ct)).LastDate ?? throw new InvalidOperationException("The store has published no data.");
        var monthStart = new DateOnly(last.Year, last.Month, 1);
        var filter = DashboardFilter.ForRange(monthStart, last);

        var first = await QueriesBenchmark.TimeAsync(() => QueriesBenchmark.LoadOverviewAsync(dashboard, filter));

        using var engine = new DuckDbQueryEngine();
        var overview = BenchmarkCase.All(monthStart).Where(c => c.Page == "overview").ToList();
        await engine.ExecuteAsync(overview[0].Request(Timeout), catalog, ct);
        await engine.LoadedAsync();
        var warm = new List<double>();
        foreach (var query in overview)
        {
            var request = query.Request(Timeout);
            await engine.ExecuteAsync(request, catalog, ct);
            for (var i = 0; i < samples; i++)
            {
                var timer = Stopwatch.StartNew();
                await engine.ExecuteAsync(request, catalog, ct);
                warm.Add(timer.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine(FormattableString.Invariant($"RESULT overview_first_ms={first:0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT warm_p95_ms={QueriesBenchmark.Percentile(warm, 0.95):0.0}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT warm_queries={overview.Count}"));
        Console.WriteLine(FormattableString.Invariant($"RESULT peak_rss_mib={PeakMemory.MiB():0}"));
        return 0;
    }
}
