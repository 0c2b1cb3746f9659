using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.ComponentTests;

public sealed class CsvExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_RFC_4180_says(string value, string expected) => Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public async Task The_export_holds_the_rows_the_page_shows_under_the_same_filter()
    {
        var queries = new FixedDashboardQueries();
        var filter = DashboardFilter.ForRange(new DateOnly(2030, 3, 1), new DateOnly(2030, 3, 7)) with { Cinemas = ["C2"] };

        var shown = DashboardTables.CinemasTable(await queries.CinemasAsync(filter, Ct), filter);
        var exported = Csv.Write(await DashboardTables.LoadAsync(DashboardTables.Cinemas, queries, filter, null, Ct));

        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Cinema,Currency,Sessions,Admissions,GBO,Concessions,Capacity,Occupancy", lines[0]);
        Assert.Equal(shown.Rows.Count + 1, lines.Length);
        // C2 on 7 days: 5 sessions, 40 admissions and GBP 320.00 a day; occupancy 40/400.
        Assert.Equal("C2,GBP,35,280,2240.00,0.00,2800,0.1", lines[1]);
        Assert.Equal(["C2", "GBP", "35", "280", "GBP 2,240.00", "GBP 0.00", "2,800", "10.0%"], shown.Rows[0].Select(c => c.Text));
    }

    [Fact]
    public async Task Titles_with_commas_and_quotes_come_back_whole_and_link_to_their_film()
    {
        var queries = new FixedDashboardQueries();
        var filter = DashboardFilter.ForRange(new DateOnly(2030, 3, 1), new DateOnly(2030, 3, 28));

        var table = await DashboardTables.LoadAsync(DashboardTables.TopFilms, queries, filter, null, Ct);
        var csv = Csv.Write(table);

        Assert.Contains("\"Night Train, \"\"Director's Cut\"\"\",Acme Pictures,Drama,GBP,30,1200,11400.00\r\n", csv);
        Assert.Equal("/films/unmatched%7Cthe%20lost%20reel?from=2030-03-01&to=2030-03-28", table.Rows[1][0].Href);
    }

    [Fact]
    public async Task A_film_page_table_needs_its_film()
    {
        var filter = DashboardFilter.ForRange(new DateOnly(2030, 3, 1), new DateOnly(2030, 3, 28));

        await Assert.ThrowsAsync<ArgumentException>(() => DashboardTables.LoadAsync(DashboardTables.FilmWeeks, new FixedDashboardQueries(), filter, null, Ct));
        var weeks = await DashboardTables.LoadAsync(DashboardTables.FilmWeeks, new FixedDashboardQueries(), filter, "F1", Ct);
        // Weeks from the release (Fri 2030-03-01): W1 GBP 5,000.00; W2 EUR 600.00; W2 GBP 1,500.00, −70 % on W1, legs 6,500 / 5,000, 1,500 of the week's 6,000 GBP.
        Assert.Equal(["1,GBP,5000.00,", "2,EUR,600.00,", "2,GBP,1500.00,-0.7"], weeks.Rows.Select(r => $"{r[0].Csv},{r[2].Csv},{r[7].Csv},{r[8].Csv}"));
        Assert.Equal("0.25", weeks.Rows[2][10].Csv);
        Assert.Equal("6500.00", weeks.Rows[2][11].Csv);
        Assert.Equal("1.3", weeks.Rows[2][12].Csv);
        // EUR opened after its opening weekend: no legs, and the page says why.
        Assert.Equal(("", "—"), (weeks.Rows[1][12].Csv, weeks.Rows[1][12].Text));
        Assert.NotNull(weeks.Rows[1][12].Why);
    }
}
