using Bunit;
using CinemaStats.Web.Components.Pages;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.ComponentTests;

public sealed class FilmAndCinemaPageTests : DashboardTestContext
{
    [Fact]
    public void The_film_page_shows_whole_run_figures_per_currency_counted_from_the_release()
    {
        var page = RenderPage<Film>("/films/F1?from=2030-03-01&to=2030-03-28", ("FilmKey", "F1"));

        page.WaitForAssertion(() => Assert.Equal("GBP 5,000.00", Value(page, "stat-opening-gbp")));
        // GBP: Fri 03-01 3,000.00 and Sat 03-02 2,000.00 open it; 1,500.00 in week 2. EUR only from Sat 03-09, after the opening weekend.
        Assert.Equal("GBP 6,500.00", Value(page, "stat-cumulative-gbp"));
        Assert.Equal("1.30", Value(page, "stat-legs-gbp"));
        Assert.Equal("—", Value(page, "stat-opening-eur"));
        Assert.Contains("after the opening weekend", page.Find("[data-testid=stat-opening-eur] [data-field=value]").GetAttribute("title"));
        Assert.Equal("EUR 600.00", Value(page, "stat-cumulative-eur"));
        Assert.Equal("—", Value(page, "stat-legs-eur"));
        Assert.Equal("650", Value(page, "stat-run-admissions"));
        // One weekly chart per currency, never both on one scale.
        Assert.Equal(2, page.FindAll("[data-testid=chart-film-weeks-gbp] rect.cs-bar").Count);
        Assert.Single(page.FindAll("[data-testid=chart-film-weeks-eur] rect.cs-bar"));
        Assert.Contains("W1 Fri 2030-03-01: GBP 5,000", page.Find("[data-testid=chart-film-weeks-gbp] rect.cs-bar title").TextContent);
        Assert.Equal("/export/film-weeks.csv?from=2030-03-01&to=2030-03-28&subject=F1", page.Find("[data-testid=export-film-weeks]").GetAttribute("href"));
        Assert.Equal("/cinemas/C1?from=2030-03-01&to=2030-03-28", page.Find("[data-testid=table-film-cinemas] tbody tr a").GetAttribute("href"));
    }

    [Fact]
    public void The_film_pages_figures_follow_the_cinema_filter()
    {
        var page = RenderPage<Film>("/films/F1?from=2030-03-01&to=2030-03-28&cinema=C1", ("FilmKey", "F1"));

        page.WaitForAssertion(() => Assert.Equal("GBP 6,500.00", Value(page, "stat-cumulative-gbp")));
        Assert.Empty(page.FindAll("[data-testid=stat-cumulative-eur]"));
        Assert.Equal("600", Value(page, "stat-run-admissions"));
    }

    [Fact]
    public void An_unknown_film_gets_a_not_found_page()
    {
        var film = RenderPage<Film>("/films/nope", ("FilmKey", "nope"));
        film.WaitForAssertion(() => Assert.Contains("No film has the key 'nope'", film.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public void An_unknown_cinema_gets_a_not_found_page()
    {
        var cinema = RenderPage<Cinema>("/cinemas/C9", ("CinemaId", "C9"));
        cinema.WaitForAssertion(() => Assert.Contains("No cinema has the code 'C9'", cinema.Find("[data-testid=not-found]").TextContent));
    }

    private static string Value(IRenderedComponent<Film> page, string id) => page.Find($"[data-testid={id}] [data-field=value]").TextContent.Trim();

    [Fact]
    public void The_cinema_page_shows_its_days_screens_and_day_parts()
    {
        var page = RenderPage<Cinema>("/cinemas/C2?from=2030-03-22&to=2030-03-28", ("CinemaId", "C2"));

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=table-cinema-days] tbody tr").Count));
        Assert.Equal(["S1", "S2"], page.FindAll("[data-testid=table-cinema-screens] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("—", page.FindAll("[data-testid=table-cinema-screens] tbody tr")[1].QuerySelector("td[data-column=Occupancy]")!.TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid=table-cinema-dayparts] tbody tr").Count);
    }

    [Fact]
    public void A_cinema_named_by_the_reference_file_is_titled_by_name_and_a_single_screen_is_one_screen()
    {
        Queries.CinemaDetails.Add(new CinemaInfo("C2", "Europe/London", "GBP", 1, 1, null, null) { ReferenceName = "Vue Leeds", ReferenceRegion = "North" });

        var page = RenderPage<Cinema>("/cinemas/C2?from=2030-03-22&to=2030-03-28", ("CinemaId", "C2"));

        page.WaitForAssertion(() => Assert.Equal("Cinema Vue Leeds (C2)", page.Find("[data-testid=cinema-title]").TextContent.Trim()));
        var info = page.Find("[data-testid=cinema-info]");
        Assert.StartsWith("North (Europe/London) · GBP · 1 screen, 1 seat", info.TextContent.Trim());
        Assert.Contains("cinemas reference file", info.GetAttribute("title"));
    }
}
