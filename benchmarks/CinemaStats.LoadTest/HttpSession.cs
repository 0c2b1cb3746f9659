using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CinemaStats.LoadTest;

/// <summary>
/// The same analyst session as plain HTTP requests for the server-rendered pages (no browser):
/// what the server takes to answer each page with its figures, apart from the browser's work.
/// </summary>
public sealed partial class HttpSession(HttpClient http)
{
    public static readonly string[] Steps = ["http: overview", "http: overview, last 7 days", "http: overview, one cinema", "http: film page", "http: export CSV"];

    public async Task<List<StepResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<StepResult>();
        string overview = "", range = "", cinema = "", film = "";
        var steps = new (string Name, Func<Task> Act)[]
        {
            (Steps[0], async () => overview = await GetAsync("/")),
            (Steps[1], async () =>
            {
                var to = DateRegex().Match(overview).Groups["to"].Value;
                var last = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
                range = $"from={last.AddDays(-6):yyyy-MM-dd}&to={to}";
                await GetAsync("/?" + range);
            }),
            (Steps[2], async () =>
            {
                cinema = CinemaRegex().Match(overview).Groups["id"].Value;
                var page = await GetAsync($"/?{range}&cinema={cinema}");
                film = FilmRegex().Match(page).Groups["href"].Value.Replace("&amp;", "&", StringComparison.Ordinal);
            }),
            (Steps[3], async () => await GetAsync(film)),
            (Steps[4], async () => await GetAsync($"/export/film-cinemas.csv?{range}&cinema={cinema}&subject={Uri.EscapeDataString(Uri.UnescapeDataString(film.Split('?')[0]["/films/".Length..]))}")),
        };
        foreach (var (name, act) in steps)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await act();
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, null));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException or ArgumentException)
            {
                results.Add(new StepResult(name, clock.Elapsed.TotalMilliseconds, e.Message));
                break;
            }
        }
        return results;

        async Task<string> GetAsync(string path)
        {
            var body = await http.GetStringAsync(path, cancellationToken);
            if (body.Contains("data-testid=\"error\"", StringComparison.Ordinal))
            {
                throw new HttpRequestException($"{path} showed an error");
            }
            return body;
        }
    }

    [GeneratedRegex("""/export/cinemas\.csv\?from=(?<from>\d{4}-\d{2}-\d{2})&amp;to=(?<to>\d{4}-\d{2}-\d{2})""")]
    private static partial Regex DateRegex();

    [GeneratedRegex("""href="/cinemas/(?<id>[^"?]+)\?""")]
    private static partial Regex CinemaRegex();

    [GeneratedRegex(""""href="(?<href>/films/[^"]+)"""")]
    private static partial Regex FilmRegex();
}
