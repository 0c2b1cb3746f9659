using CinemaStats.TestSupport;
using Microsoft.Playwright;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download is never used).</summary>
public static class Chromium
{
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The chromium on PATH, or null.</summary>
    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Executable();
        if (executable is null)
        {
            Requirement.Missing("Chromium is not installed: the browser tests need Debian's chromium on PATH (apt-get install chromium).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Arguments });
        return (playwright, browser);
    }

    /// <summary>Waits until the page's Blazor circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}
