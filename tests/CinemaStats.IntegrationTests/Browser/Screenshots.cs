using Microsoft.Playwright;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>Full-page screenshots of the dashboard, kept as test artifacts under artifacts/screenshots/.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        // From the top, so the fixed app bar is where a person sees it.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CinemaStats.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
