using Bunit;
using CinemaStats.Web.Components.Dashboard;
using CinemaStats.Web.Components.Pages;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.ComponentTests;

public sealed class KpiCardsTests : DashboardTestContext
{
    private static readonly DashboardFilter Week = DashboardFilter.ForRange(new DateOnly(2030, 3, 22), new DateOnly(2030, 3, 28));

    [Fact]
    public void Money_is_shown_per_currency_and_counts_over_all_of_them()
    {
        KpiTotals[] now = [new("EUR", 2, 2, 30, 25, 36_000, 6_000, 100, 30), new("GBP", 4, 4, 70, 60, 70_000, 0, 200, 50)];
        KpiTotals[] before = [new("GBP", 4, 4, 50, 50, 56_000, 0, 200, 50)];

        var cards = Render<KpiCards>(p => p.Add(c => c.Current, now).Add(c => c.Previous, before).Add(c => c.Filter, Week));

        Assert.Equal("100", Value(cards, "admissions"));
        Assert.Equal("85", Value(cards, "paid-admissions"));
        // Occupancy: (30 + 50) of (100 + 200) seats, with the seats shown so it can be checked.
        Assert.Equal("26.7%", Value(cards, "occupancy"));
        Assert.Equal("80 of 300 seats", cards.Find("[data-testid=kpi-occupancy] [data-field=detail]").TextContent.Trim());
        Assert.Equal("EUR 360.00", Value(cards, "gbo-eur"));
        Assert.Equal("GBP 700.00", Value(cards, "gbo-gbp"));
        Assert.Equal("EUR 14.40", Value(cards, "atp-eur"));
        Assert.Empty(cards.FindAll("[data-testid=kpi-gbo]"));
        // GBP: 700.00 against 560.00 is +25 %; EUR had nothing before.
        Assert.Contains("▲ 25.0% (was GBP 560.00)", cards.Find("[data-testid=kpi-gbo-gbp] [data-field=change]").TextContent);
        Assert.Contains("nothing to compare", cards.Find("[data-testid=kpi-gbo-eur] [data-field=change]").TextContent);
        Assert.Contains("compared with the previous 7 days (Fri 2030-03-15 – Thu 2030-03-21)", cards.Find("[data-testid=comparison-name]").TextContent);
    }

    [Fact]
    public void Without_sales_the_money_cards_say_so_instead_of_showing_a_currency()
    {
        var cards = Render<KpiCards>(p => p.Add(c => c.Current, []).Add(c => c.Previous, []).Add(c => c.Filter, Week));

        Assert.Equal("—", Value(cards, "gbo"));
        Assert.DoesNotContain("GBP", cards.Markup);
        Assert.Contains("No sales", cards.Find("[data-testid=kpi-gbo] [data-field=value]").GetAttribute("title"));
    }

    [Fact]
    public void The_overview_compares_with_the_same_weekdays_last_year_and_draws_it_as_a_second_line()
    {
        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28&compare=year");

        page.WaitForAssertion(() => Assert.Contains("same weekdays last year (Fri 2029-03-23 – Thu 2029-03-29)", page.Find("[data-testid=comparison-name]").TextContent));
        Assert.Contains(Queries.Asked, f => f.From == new DateOnly(2029, 3, 23) && f.To == new DateOnly(2029, 3, 29));
        Assert.Contains("Admissions, same weekdays last year", page.Find("[data-testid=chart-daily]").TextContent);
        Assert.Equal("true", page.Find("[data-testid=compare-year]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void An_unusable_address_value_is_reported_on_the_page()
    {
        var page = RenderPage<Overview>("/?from=2030-02-30&to=2030-03-28&compare=decade");

        page.WaitForAssertion(() => Assert.Contains("'2030-02-30' in from= is not a date", page.Find("[data-testid=address-problems]").TextContent));
        Assert.Contains("'decade' in compare=", page.Find("[data-testid=address-problems]").TextContent);
    }

    [Fact]
    public void The_daily_chart_shows_a_missing_date_as_a_gap()
    {
        Queries.Days.RemoveAll(d => d.Day.BusinessDate == new DateOnly(2030, 3, 25));
        var page = RenderPage<Overview>("/?from=2030-03-22&to=2030-03-28");

        page.WaitForAssertion(() => page.Find("[data-testid=chart-daily]"));
        // Seven dates on the axis, six points, and two line pieces either side of Mon 03-25.
        Assert.Contains("Mon 2030-03-25", page.Find("[data-testid=chart-daily]").TextContent);
        Assert.Equal(6, page.FindAll("[data-testid=chart-daily] circle.cs-point[data-series='0']").Count);
        Assert.Equal(2, page.FindAll("[data-testid=chart-daily] polyline.cs-line[data-series='0']").Count);
    }

    private static string Value(IRenderedComponent<KpiCards> cards, string id) => cards.Find($"[data-testid=kpi-{id}] [data-field=value]").TextContent.Trim();
}
