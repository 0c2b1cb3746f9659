using System.Diagnostics;
using Microsoft.Playwright;

namespace CinemaStats.LoadTest;

/// <summary>One timed step of a session, and whether it failed.</summary>
public sealed record StepResult(string Step, double Milliseconds, string? Error);

/// <summary>
/// The recorded analyst session, replayed in a browser context of its own: open the overview,
/// pick the last 7 days, pick a cinema, open the top film, export its cinemas as CSV. Each step is
/// timed from the action until its result is on screen and the page is idle; think time between
/// steps is not counted.
/// </summary>
public sealed class AnalystSession(IBrowser browser, string web, TimeSpan thinkTime)
{
    public static readonly string[] Steps = ["page load", "filter: last 7 days", "filter: one cinema", "drill down to film", "export CSV"];

    private const float StepTimeoutMs = 60_000;

    public async Task<List<StepResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<StepResult>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();

        var steps = new (string Name, Func<Task> Act)[]
        {
            (Steps[0], async () =>
            {
                await page.GotoAsync(web + "/");
                await page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await IdleAsync(page, "[data-testid=kpi-admissions]");
            }),
            (Steps[1], async () =>
            {
                var before = page.Url;
                await page.Locator("[data-testid=range-7]").ClickAsync();
                await AddressAsync(page, "from=", before);
                await IdleAsync(page, "[data-testid=kpi-admissions]");
            }),
            (Steps[2], async () =>
            {
                await page.Locator("[data-testid=filter-cinemas]").ClickAsync();
                await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
                await AddressAsync(page, "cinema=");
                await page.Keyboard.PressAsync("Escape");
                await IdleAsync(page, "[data-testid=kpi-admissions]");
            }),
            (Steps[3], async () =>
            {
                await page.Locator("[data-testid=table-top-films] tbody tr a").First.ClickAsync();
                await AddressAsync(page, "/films/");
                await IdleAsync(page, "[data-testid=table-film-cinemas]");
            }),
            (Steps[4], async () =>
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-film-cinemas]").ClickAsync());
                var path = await download.PathAsync();
                if (path is null || new FileInfo(path).Length == 0)
                {
                    throw new InvalidOperationException("the CSV download was empty");
                }
            }),
        };

        foreach (var (name, act) in steps)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await act();
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, null));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                var crashed = await page.Locator("#blazor-error-ui").IsVisibleAsync();
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, Reason(e, page.Url) + (crashed ? " (the page showed its \"something went wrong\" bar)" : "")));
                if (Environment.GetEnvironmentVariable("CINEMASTATS_LOAD_SCREENSHOTS") is { Length: > 0 } folder)
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"error-{Guid.NewGuid():N}.png"), FullPage = true });
                }
                break; // the rest of the session depends on this step
            }
            await Task.Delay(thinkTime, cancellationToken);
        }
        return results;
    }

    /// <summary>The error's first line and what it was waiting for (Playwright's call log), and the page's address.</summary>
    private static string Reason(Exception e, string address)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var waiting = lines.FirstOrDefault(l => l.StartsWith("- waiting for", StringComparison.Ordinal));
        return $"{lines.FirstOrDefault()}{(waiting is null ? "" : " " + waiting)} at {address}";
    }

    /// <summary>
    /// The address contains <paramref name="part"/> (and differs from <paramref name="before"/>).
    /// Read in the page: Blazor navigates within the document (history.pushState), and waiting
    /// for a navigation event instead could miss one that happened before the wait began and
    /// then hang until the step's timeout.
    /// </summary>
    private static Task AddressAsync(IPage page, string part, string? before = null) =>
        page.WaitForFunctionAsync("([part, before]) => location.href.includes(part) && location.href !== before", new[] { part, before ?? "" });

    /// <summary>The step's content is shown, no loading bar is left, and the page shows no error.</summary>
    private static async Task IdleAsync(IPage page, string content)
    {
        await page.Locator(content).First.WaitForAsync();
        await page.Locator("[data-testid=loading]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        if (await page.Locator("[data-testid=error]").CountAsync() > 0)
        {
            throw new InvalidOperationException("the page showed an error: " + await page.Locator("[data-testid=error]").First.InnerTextAsync());
        }
    }
}
