using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CinemaStats.LoadTest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// Replays the analyst session with N concurrent users (browser contexts in one headless
// Chromium) against the whole application started through the AppHost with its sample data,
// or against a running web app given with --url. Prints p50/p95 per step and the errors.
//   dotnet run -c Release --project benchmarks/CinemaStats.LoadTest -- --users 1,10,50 [--iterations 3] [--url http://127.0.0.1:5182] [--out docs/load-test-results.md]
var users = Arg("--users", "1,10,50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray();
var iterations = int.Parse(Arg("--iterations", "3"), CultureInfo.InvariantCulture);
var thinkTime = TimeSpan.FromMilliseconds(int.Parse(Arg("--think-ms", "1000"), CultureInfo.InvariantCulture));
var url = Arg("--url", "");
var output = Arg("--out", "");
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(40));

var chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium).");

DistributedApplication? app = null;
try
{
    if (url.Length == 0)
    {
        Console.WriteLine("Starting the AppHost with its sample data (3 cinemas, 14 days)…");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CinemaStats_AppHost>(
            ["--Storage:Mode=filesystem", $"--Storage:RootPath={Path.Combine(Path.GetTempPath(), "cinemastats-load-" + Guid.NewGuid().ToString("N"))}",
             "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00"], stop.Token);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("CinemaStats.AppHost.Resources", LogLevel.None));
        app = await builder.BuildAsync(stop.Token);
        await app.StartAsync(stop.Token);
        foreach (var service in new[] { "ingest", "transform", "web" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, stop.Token);
        }
        url = app.GetEndpoint("web", "http").ToString().TrimEnd('/');
        await WaitForSampleDataAsync(url, stop.Token);
    }

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = chromium,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    });

    var results = new Dictionary<int, List<StepResult>>();
    // One warm-up session: first queries, JIT and caches are not what an analyst sees all day.
    await new AnalystSession(browser, url, TimeSpan.Zero).RunAsync(stop.Token);

    foreach (var n in users)
    {
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * 2000.0 / n), stop.Token); // ramp up over 2 s
            var all = new List<StepResult>();
            for (var k = 0; k < iterations; k++)
            {
                all.AddRange(await new AnalystSession(browser, url, thinkTime).RunAsync(stop.Token));
            }
            return all;
        }));
        results[n] = [.. runs.SelectMany(r => r)];
        Console.WriteLine($"{n} users × {iterations} sessions: {clock.Elapsed.TotalSeconds:F0} s, {results[n].Count(r => r.Error is not null)} errors");
    }

    // The same session over plain HTTP: the server's share of each step, without a browser.
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
    await new HttpSession(http).RunAsync(stop.Token);
    foreach (var n in users)
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * 2000.0 / n), stop.Token);
            var all = new List<StepResult>();
            for (var k = 0; k < iterations; k++)
            {
                all.AddRange(await new HttpSession(http).RunAsync(stop.Token));
                await Task.Delay(thinkTime, stop.Token);
            }
            return all;
        }));
        results[n].AddRange(runs.SelectMany(r => r));
        Console.WriteLine($"{n} users over HTTP: {runs.Sum(r => r.Count(s => s.Error is not null))} errors");
    }

    var report = LoadReport.Markdown(results);
    Console.WriteLine();
    Console.WriteLine(report);
    if (output.Length > 0)
    {
        await File.WriteAllTextAsync(output, report, stop.Token);
    }
    return results.Values.Any(r => r.Any(s => s.Error is not null)) ? 1 : 0;
}
finally
{
    if (app is not null)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// The sample-data resource uploads 3 cinemas × 14 days; wait until the overview's cinema table lists them.
static async Task WaitForSampleDataAsync(string web, CancellationToken cancellationToken)
{
    using var http = new HttpClient { BaseAddress = new Uri(web) };
    var deadline = DateTime.UtcNow.AddMinutes(10);
    while (DateTime.UtcNow < deadline)
    {
        string csv;
        try
        {
            csv = await http.GetStringAsync("/export/cinemas.csv", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // While the pipeline republishes, a query can meet a file that was just replaced.
            Console.WriteLine($"  (not ready: {e.Message})");
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            continue;
        }
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        if (rows >= 3)
        {
            Console.WriteLine($"Sample data is on the dashboard ({rows} cinema rows).");
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken); // let the last marts settle
            return;
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
    }
    throw new TimeoutException("The sample data did not reach the dashboard within 10 minutes.");
}
