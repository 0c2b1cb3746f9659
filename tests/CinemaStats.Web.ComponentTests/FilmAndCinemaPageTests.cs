using Bunit;
using CinemaStats.Web.Components.Pages;

namespace CinemaStats.Web.ComponentTests;

public sealed class FilmAndCinemaPageTests : DashboardTestContext
{
    [Fact]
    public void The_film_page_shows_opening_weekend_legs_and_week_on_week()
    {
        var page = RenderPage<Film>("/films/F1?from=2030-03-01&to=2030-03-28", ("FilmKey", "F1"));

        page.WaitForAssertion(() => Assert.Equal("GBP 5,000.00", page.Find("[data-testid=stat-opening] [data-field=value]").TextContent.Trim()));
        Assert.Equal("2.28", page.Find("[data-testid=stat-legs] [data-field=value]").TextContent.Trim());
        Assert.Equal("-50.0%", page.Find("[data-testid=stat-wow] [data-field=value]").TextContent.Trim());
        // Screen average of week 2: 3,800.00 over 3 screens.
        Assert.Equal("GBP 1,266.67", page.Find("[data-testid=stat-screen-average] [data-field=value]").TextContent.Trim());
        Assert.Equal("/export/film-weeks.csv?from=2030-03-01&to=2030-03-28&subject=F1", page.Find("[data-testid=export-film-weeks]").GetAttribute("href"));
        Assert.Equal("/cinemas/C1?from=2030-03-01&to=2030-03-28", page.Find("[data-testid=table-film-cinemas] tbody tr a").GetAttribute("href"));
    }

    [Fact]
    public void A_film_without_sales_or_catalogue_entry_says_so()
    {
        var page = RenderPage<Film>("/films/nope", ("FilmKey", "nope"));

        page.WaitForAssertion(() => Assert.Contains("No sales have been recorded", page.Find("[data-testid=no-data]").TextContent));
        Assert.Contains("not in the film catalogue", page.Markup);
    }

    [Fact]
    public void The_cinema_page_shows_its_days_screens_and_day_parts()
    {
        var page = RenderPage<Cinema>("/cinemas/C2?from=2030-03-22&to=2030-03-28", ("CinemaId", "C2"));

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=table-cinema-days] tbody tr").Count));
        Assert.Equal(["S1", "S2"], page.FindAll("[data-testid=table-cinema-screens] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("–", page.FindAll("[data-testid=table-cinema-screens] tbody tr")[1].QuerySelector("td[data-column=Occupancy]")!.TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid=table-cinema-dayparts] tbody tr").Count);
    }
}
