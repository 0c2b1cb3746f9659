using System.Diagnostics;
using CinemaStats.LoadTest.Circuit;

namespace CinemaStats.LoadTest;

/// <summary>
/// The analyst session replayed at the protocol level, as shinycannon replays a Shiny session: per
/// user, the page's HTML, then a Blazor circuit over SignalR that receives and acknowledges every
/// render batch and answers every JS call, with navigation sent as the browser sends it. A step
/// ends when the circuit has rendered the figures the server-rendered page of the same address
/// shows, and no loading bar is left. The addresses come from the pages (<see cref="SessionLinks"/>);
/// the HTML a step is checked against is fetched once per run, before the step and outside its time
/// (<see cref="ExpectedPages"/>).
/// </summary>
public sealed class CircuitSession(HttpClient http, ExpectedPages expected, TimeSpan thinkTime, CircuitTraffic traffic)
{
    public static readonly string[] Steps = ["circuit: page load", "circuit: page load, its HTML alone", "circuit: page load, circuit started", "circuit: filter: last 7 days", "circuit: filter: one cinema", "circuit: drill down to film", "circuit: export CSV"];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public async Task<List<StepResult>> RunAsync(CancellationToken cancellationToken)
    {
        var site = http.BaseAddress ?? throw new InvalidOperationException("the HTTP client needs the site's address");
        await using var circuit = new BlazorCircuitClient(site, http, traffic);
        var results = new List<StepResult>();
        string overview = "", range = "", cinema = "", film = "";
        PrerenderedPage shown = PrerenderedPage.Parse("");
        PrerenderedPage next = shown;
        IReadOnlySet<string> awaited = new HashSet<string>();

        var steps = new (string Name, Func<CancellationToken, Task>? Prepare, Func<CancellationToken, Task> Act)[]
        {
            (Steps[0], null, async ct =>
            {
                var html = Stopwatch.StartNew();
                overview = await http.GetStringAsync("/", ct);
                results.Add(new StepResult(Steps[1], html.Elapsed.TotalMilliseconds, null)); // the prerender's share of the page load
                next = Checked(PrerenderedPage.Parse(overview), "/");
                await circuit.StartAsync(new Uri(site, "/"), next, ct);
                results.Add(new StepResult(Steps[2], html.Elapsed.TotalMilliseconds, null)); // HTML, connection, StartCircuit, root components sent
                await WaitAsync(next.Figures, ct);
            }),
            (Steps[3], async ct =>
            {
                range = SessionLinks.LastSevenDays(overview);
                next = await FetchAsync("/?" + range, ct);
            }, async ct => await NavigateAsync("/?" + range, ct)),
            (Steps[4], async ct =>
            {
                cinema = SessionLinks.FirstCinema(overview);
                var html = await expected.GetAsync($"/?{range}&cinema={cinema}", ct);
                next = Checked(PrerenderedPage.Parse(html), "the cinema filter");
                film = SessionLinks.TopFilm(html);
            }, async ct => await NavigateAsync($"/?{range}&cinema={cinema}", ct)),
            (Steps[5], async ct => next = await FetchAsync(film, ct), async ct => await NavigateAsync(film, ct)),
            (Steps[6], null, async ct => await HttpSession.DownloadCsvAsync(http, SessionLinks.FilmCinemasExport(range, cinema, film), ct)),
        };

        foreach (var (name, prepare, act) in steps)
        {
            var clock = new Stopwatch();
            using var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                if (prepare is not null)
                {
                    await prepare(cancellationToken);
                }
                step.CancelAfter(StepTimeout);
                clock.Start();
                await act(step.Token);
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, null));
                shown = next;
            }
            catch (OperationCanceledException) when (step.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, $"no result after {StepTimeout.TotalSeconds:F0} s: {circuit.Describe(awaited)}"));
                break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, e.Message));
                break; // the rest of the session depends on this step
            }
            await Task.Delay(thinkTime, cancellationToken);
        }
        return results;

        async Task NavigateAsync(string path, CancellationToken ct)
        {
            await circuit.NavigateAsync(new Uri(site, path), ct);
            await WaitAsync(ChangedFigures(next, shown, path), ct);
        }

        Task WaitAsync(IReadOnlySet<string> figures, CancellationToken ct) => circuit.WaitForFiguresAsync(awaited = figures, ct);

        async Task<PrerenderedPage> FetchAsync(string path, CancellationToken ct) => Checked(PrerenderedPage.Parse(await expected.GetAsync(path, ct)), path);
    }

    private static PrerenderedPage Checked(PrerenderedPage page, string what)
    {
        if (page.ShowsError)
        {
            throw new CircuitReplayException($"{what} showed its error message when prerendered");
        }
        if (page.Figures.Count == 0)
        {
            throw new CircuitReplayException($"{what} shows no figures (data-field=\"value\") to check the circuit against");
        }
        return page;
    }

    /// <summary>
    /// After a navigation the server sends only what changed, so the step waits for the figures
    /// of the new page that the previous page did not show.
    /// </summary>
    private static IReadOnlySet<string> ChangedFigures(PrerenderedPage next, PrerenderedPage shown, string path)
    {
        var changed = next.Figures.Except(shown.Figures).ToHashSet();
        return changed.Count > 0
            ? changed
            : throw new CircuitReplayException($"{path} shows the same figures as the page before it, so the replay cannot tell when it has rendered");
    }
}
