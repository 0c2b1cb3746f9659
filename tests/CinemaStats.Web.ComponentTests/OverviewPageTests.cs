using Bunit;
using CinemaStats.Web.Components.Pages;

namespace CinemaStats.Web.ComponentTests;

public sealed class OverviewPageTests : DashboardTestContext
{
    [Fact]
    public void The_KPI_cards_show_the_filter_in_the_address_against_the_period_before()
    {
        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28&cinema=C1");

        // C1 admits 100 + day index a day: days 21–27 give 868; the week before (14–20) 819.
        page.WaitForAssertion(() => Assert.Equal("868", page.Find("[data-testid=kpi-admissions] [data-field=value]").TextContent.Trim()));
        Assert.Contains("▲ 6.0%", page.Find("[data-testid=kpi-admissions] [data-field=change]").TextContent);
        Assert.Contains(Queries.Asked, f => f.From == new DateOnly(2030, 3, 22) && f.To == new DateOnly(2030, 3, 28) && f.Cinemas.SequenceEqual(["C1"]));
        Assert.Contains(Queries.Asked, f => f.From == new DateOnly(2030, 3, 15) && f.To == new DateOnly(2030, 3, 21));
    }

    [Fact]
    public void Changing_a_filter_puts_it_in_the_address_and_loads_the_new_figures()
    {
        var page = RenderPage<Overview>("/?from=2030-03-01&to=2030-03-28");
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-admissions]"));

        page.Find("[data-testid=range-7]").Click();

        Assert.EndsWith("/?from=2030-03-22&to=2030-03-28", Navigation.Uri);
        // Both cinemas, days 21–27: 868 + 7 × 40.
        page.WaitForAssertion(() => Assert.Equal("1,148", page.Find("[data-testid=kpi-admissions] [data-field=value]").TextContent.Trim()));
    }

    [Fact]
    public void The_back_button_brings_back_the_earlier_filter()
    {
        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28&cinema=C2");
        page.WaitForAssertion(() => Assert.Equal("280", page.Find("[data-testid=kpi-admissions] [data-field=value]").TextContent.Trim()));

        Navigation.NavigateTo("/?from=2030-03-22&to=2030-03-28&cinema=C1");
        page.WaitForAssertion(() => Assert.Equal("868", page.Find("[data-testid=kpi-admissions] [data-field=value]").TextContent.Trim()));
        Navigation.NavigateTo("/?from=2030-03-22&to=2030-03-28&cinema=C2");

        page.WaitForAssertion(() => Assert.Equal("280", page.Find("[data-testid=kpi-admissions] [data-field=value]").TextContent.Trim()));
    }

    [Fact]
    public void Tables_link_to_the_film_and_cinema_pages_and_export_with_the_same_filter()
    {
        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28&genre=Drama");

        page.WaitForAssertion(() => page.Find("[data-testid=table-top-films]"));
        var film = page.Find("[data-testid=table-top-films] tbody tr a");
        Assert.Equal("/films/F1?from=2030-03-22&to=2030-03-28&genre=Drama", film.GetAttribute("href"));
        Assert.Equal("/export/cinemas.csv?from=2030-03-22&to=2030-03-28&genre=Drama", page.Find("[data-testid=export-cinemas]").GetAttribute("href"));
        Assert.Equal(2, page.FindAll("[data-testid=table-cinemas] tbody tr").Count);
    }

    [Fact]
    public void When_the_queries_fail_the_page_says_so_in_a_sentence_without_the_exception()
    {
        Queries.Failure = new InvalidOperationException("IO Error: No files found that match the pattern \"/data/curated/x.parquet\"");

        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28");

        page.WaitForAssertion(() => Assert.Contains("could not be loaded just now", page.Find("[data-testid=error]").TextContent));
        Assert.DoesNotContain("parquet", page.Markup);
    }

    [Fact]
    public void Dates_without_data_show_an_empty_state()
    {
        var page = RenderPage<Overview>("/?from=2031-01-01&to=2031-01-07");

        page.WaitForAssertion(() => Assert.Contains("No sessions match these filters", page.Find("[data-testid=no-data]").TextContent));
    }
}
