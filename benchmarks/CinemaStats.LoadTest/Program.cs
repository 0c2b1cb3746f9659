using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CinemaStats.LoadTest;
using CinemaStats.LoadTest.Circuit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// Replays the analyst session with N concurrent users against the whole application started
// through the AppHost with its sample data, or against a running web app given with --url, in
// up to three modes: browser (Playwright contexts in one headless Chromium), circuit (a Blazor
// circuit per user over SignalR, no browser) and http (the server-rendered pages only).
// Prints p50/p95 per step and the errors, one table per mode.
//   dotnet run -c Release --project benchmarks/CinemaStats.LoadTest -- [--mode browser,circuit,http]
//     [--users 1,10,50] [--browser-users 1,10] [--loaded-s 30] [--ramp-ms recording|2000] [--url http://127.0.0.1:5182 [--web-pid PID]]
//     [--think-ms 1000] [--out FILE]
// Users start one after another over the recorded session's length (shinycannon's default start
// interval), or over --ramp-ms, and replay sessions until --loaded-s seconds after the last one
// started (shinycannon's loaded duration); the tables hold the maintenance period (LoadPhases).
var modes = Arg("--mode", "browser,circuit,http").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var unknown = modes.Except(["browser", "circuit", "http"]).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown --mode {string.Join(",", unknown)}: use browser, circuit and/or http.");
    return 2;
}
var users = Counts(Arg("--users", "1,10,50"));
// 50 browser contexts on the same two cores as the services measure Chromium, not the dashboard.
var browserUsers = Counts(Arg("--browser-users", "1,10"));
var loaded = TimeSpan.FromSeconds(double.Parse(Arg("--loaded-s", "30"), CultureInfo.InvariantCulture));
var thinkTime = TimeSpan.FromMilliseconds(int.Parse(Arg("--think-ms", "1000"), CultureInfo.InvariantCulture));
var ramp = Arg("--ramp-ms", "recording");
var url = Arg("--url", "");
var output = Arg("--out", "");
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));

string? chromium = null;
if (modes.Contains("browser"))
{
    chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); or leave out the browser mode: --mode circuit,http.");
}

DistributedApplication? app = null;
// Known when the tool starts the app, or given with --web-pid for a server started by hand.
int? webPid = Arg("--web-pid", "") is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : null;
try
{
    if (url.Length == 0)
    {
        Console.WriteLine("Starting the AppHost with its sample data (3 cinemas, 14 days)…");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CinemaStats_AppHost>(
            ["--Storage:Mode=filesystem", $"--Storage:RootPath={Path.Combine(Path.GetTempPath(), "cinemastats-load-" + Guid.NewGuid().ToString("N"))}",
             "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00"], stop.Token);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("CinemaStats.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)); // services still starting
        app = await builder.BuildAsync(stop.Token);
        await app.StartAsync(stop.Token);
        foreach (var service in new[] { "ingest", "transform", "web" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, stop.Token);
        }
        url = app.GetEndpoint("web", "http").ToString().TrimEnd('/');
        var web = await app.ResourceNotifications.WaitForResourceAsync("web", e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid"), stop.Token);
        webPid = Convert.ToInt32(web.Snapshot.Properties.First(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        await WaitForSampleDataAsync(url, stop.Token);
    }

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromSeconds(60) };
    var report = new StringBuilder();
    if (webPid is not null)
    {
        var before = WebCpu();
        await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
        var idle = string.Create(CultureInfo.InvariantCulture, $"The web server idle, before the replays: {(WebCpu() - before).TotalSeconds:F1} s of CPU in 10 s.");
        Console.WriteLine(idle);
        report.AppendLine(idle).AppendLine();
    }
    var failed = false;

    if (modes.Contains("browser"))
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        failed |= await ReplayAsync("browser", AnalystSession.Steps, browserUsers, ct => new AnalystSession(browser, url, thinkTime).RunAsync(ct), null);
    }
    if (modes.Contains("circuit"))
    {
        var traffic = new CircuitTraffic();
        var expected = new ExpectedPages(http);
        failed |= await ReplayAsync("circuit", CircuitSession.Steps, users, ct => new CircuitSession(http, expected, thinkTime, traffic).RunAsync(ct), traffic);
    }
    if (modes.Contains("http"))
    {
        failed |= await ReplayAsync("http", HttpSession.Steps, users, async ct =>
        {
            var steps = await new HttpSession(http).RunAsync(ct);
            await Task.Delay(thinkTime, ct);
            return steps;
        }, null);
    }

    Console.WriteLine();
    Console.WriteLine(report);
    if (output.Length > 0)
    {
        await File.WriteAllTextAsync(output, report.ToString(), stop.Token);
    }
    return failed ? 1 : 0;

    // One warm-up session (first queries, JIT and caches are not what an analyst sees all day)
    // that must get through every step, then n users for each n: they start one after another,
    // each replays sessions until the loaded duration after the last start is over, and the
    // maintenance period is reported.
    async Task<bool> ReplayAsync(string mode, string[] steps, int[] counts, Func<CancellationToken, Task<List<StepResult>>> session, CircuitTraffic? traffic)
    {
        var warmUp = await session(stop.Token);
        if (warmUp.Count < steps.Length || warmUp.Any(s => s.Error is not null))
        {
            var at = warmUp.FirstOrDefault(s => s.Error is not null);
            throw new ReplayBrokenException($"The {mode} replay cannot run: its warm-up session stopped at \"{at?.Step ?? steps[warmUp.Count]}\": {at?.Error ?? "no result"}. " +
                "Fix the replay (or the page) before measuring: a replay that skips its steps measures nothing.");
        }
        var recording = LoadPhases.RecordingLength(warmUp, thinkTime);
        var results = new Dictionary<int, List<StepResult>>();
        var notes = new StringBuilder();
        foreach (var n in counts)
        {
            var interval = ramp == "recording" ? LoadPhases.StartInterval(recording, n) : TimeSpan.FromMilliseconds(double.Parse(ramp, CultureInfo.InvariantCulture) / n);
            var clock = Stopwatch.StartNew();
            var webCpu = WebCpu();
            var ownCpu = ProcessCpu.UsedByTree(Environment.ProcessId);
            var (batches, bytes, jsCalls) = traffic is null ? (0L, 0L, 0L) : (traffic.Batches, traffic.Bytes, traffic.JsCalls);
            var runs = await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                await Task.Delay(interval * i, stop.Token);
                var all = new List<TimedSession>();
                var until = interval * (n - 1) + loaded;
                while (all.Count == 0 || clock.Elapsed < until)
                {
                    var start = clock.Elapsed;
                    var result = await session(stop.Token);
                    all.Add(new TimedSession(i, start, clock.Elapsed, result));
                }
                return (IReadOnlyList<TimedSession>)all;
            }));
            var maintenance = LoadPhases.Maintenance(runs);
            var everything = runs.SelectMany(r => r).ToList();
            // A loaded duration shorter than a session leaves no maintenance period; then every session counts, and the note says so.
            var counted = maintenance.Count > 0 ? maintenance : everything;
            // An error anywhere, in the maintenance period or not, counts.
            results[n] = [.. counted.SelectMany(s => s.Steps), .. everything.Except(counted).SelectMany(s => s.Steps).Where(r => r.Error is not null)];
            var wall = clock.Elapsed.TotalSeconds;
            var phase = maintenance.Count > 0
                ? $"{maintenance.Count} of {everything.Count} sessions in the maintenance period (counted)"
                : $"no maintenance period, all {everything.Count} sessions counted";
            var serverCpu = WebCpu() - webCpu;
            var server = webPid is null
                ? "CPU used by the web server unknown (give --web-pid with --url)"
                : string.Create(CultureInfo.InvariantCulture, $"CPU used by the web server {serverCpu.TotalSeconds:F1} s ({serverCpu.TotalMilliseconds / everything.Count:F0} ms a session)");
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{mode}, {n} users, one starting every {interval.TotalMilliseconds:F0} ms: {wall:F0} s; {phase}, {everything.Sum(s => s.Steps.Count(r => r.Error is not null))} errors in all; " +
                $"{server}, by this load generator (and its Chromium) {(ProcessCpu.UsedByTree(Environment.ProcessId) - ownCpu).TotalSeconds:F1} s");
            if (traffic is not null)
            {
                var sessions = (double)everything.Count;
                line += string.Create(CultureInfo.InvariantCulture,
                    $"; per session {(traffic.Batches - batches) / sessions:F0} render batches ({(traffic.Bytes - bytes) / sessions / 1024:F0} KiB) and {(traffic.JsCalls - jsCalls) / sessions:F0} JS calls");
            }
            Console.WriteLine(line);
            notes.AppendLine("- " + line);
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"### {mode}").AppendLine().Append(LoadReport.Markdown(steps, results)).AppendLine().Append(notes).AppendLine();
        return results.Values.Any(r => r.Any(s => s.Error is not null));
    }

    TimeSpan WebCpu() => webPid is { } pid ? ProcessCpu.UsedByTree(pid) : TimeSpan.Zero;
}
catch (ReplayBrokenException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
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

static int[] Counts(string list) => [.. list.Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture))];

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
