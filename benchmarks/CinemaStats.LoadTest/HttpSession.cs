using System.Diagnostics;

namespace CinemaStats.LoadTest;

/// <summary>
/// The same analyst session as plain HTTP requests for the server-rendered pages (no browser,
/// no circuit): what the server takes to answer each page with its figures.
/// </summary>
public sealed class HttpSession(HttpClient http)
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
                range = SessionLinks.LastSevenDays(overview);
                await GetAsync("/?" + range);
            }),
            (Steps[2], async () =>
            {
                cinema = SessionLinks.FirstCinema(overview);
                film = SessionLinks.TopFilm(await GetAsync($"/?{range}&cinema={cinema}"));
            }),
            (Steps[3], async () => await GetAsync(film)),
            (Steps[4], async () => await DownloadCsvAsync(http, SessionLinks.FilmCinemasExport(range, cinema, film), cancellationToken)),
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

    /// <summary>The export step of every replay: the CSV must come back with a header and rows.</summary>
    public static async Task DownloadCsvAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var csv = await http.GetStringAsync(path, cancellationToken);
        if (csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 2)
        {
            throw new HttpRequestException($"{path} returned no rows");
        }
    }
}
