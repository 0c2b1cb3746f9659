using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Tests.TestData;

namespace CinemaStats.Web.Tests;

/// <summary>
/// Every dashboard question on real DuckDB over real Parquet, against numbers computed here from
/// the hand-made sessions by the rules of docs/data-contract.md. Filters without a film dimension are answered by the
/// marts, with one by fact_session: both must give the same numbers.
/// </summary>
public sealed class KpiCatalogueTests : IAsyncLifetime
{
    private static readonly DateOnly Friday = CinemaData.Friday;
    private static readonly DashboardFilter FirstWeek = DashboardFilter.ForRange(Friday, Friday.AddDays(6));
    private static readonly DashboardFilter BothWeeks = DashboardFilter.ForRange(Friday, Friday.AddDays(13));

    private readonly QueryHost _host = QueryHost.Filesystem();
    private IReadOnlyList<SessionRow> Sessions => CinemaData.Sessions;

    public async ValueTask InitializeAsync() =>
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string> Filters => ["first week", "both weeks", "cinemas LON and MAN", "genre Action", "distributor Unknown", "films Up and unmatched"];

    private static DashboardFilter Filter(string name) => name switch
    {
        "first week" => FirstWeek,
        "both weeks" => BothWeeks,
        "cinemas LON and MAN" => BothWeeks with { Cinemas = ["LON", "MAN"] },
        "genre Action" => BothWeeks with { Genres = ["Action"] },
        "distributor Unknown" => BothWeeks with { Distributors = ["Unknown"] },
        "films Up and unmatched" => BothWeeks with { Films = [CinemaData.Up.Key, "unmatched|" + SessionRow.UnmatchedTitle] },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private IEnumerable<SessionRow> Selected(DashboardFilter f) => Sessions.Where(s =>
        s.BusinessDate >= f.From && s.BusinessDate <= f.To
        && (f.Cinemas.Count == 0 || f.Cinemas.Contains(s.CinemaId))
        && (f.Films.Count == 0 || f.Films.Contains(s.FilmKey))
        && (f.Genres.Count == 0 || f.Genres.Contains(s.Genre))
        && (f.Distributors.Count == 0 || f.Distributors.Contains(s.Distributor)));

    [Fact]
    public async Task The_worked_example_of_the_data_contract_gives_its_numbers()
    {
        var totals = await _host.Queries.CinemaDaysAsync("LON", DashboardFilter.ForRange(Friday, Friday) with { Genres = ["Action"] },
            TestContext.Current.CancellationToken);

        // LON on the Friday, Action films: s01 (the worked example) and s03 on a screen of capacity 0.
        var day = Assert.Single(totals);
        Assert.Equal(36, day.Adm);
        Assert.Equal(31, day.OccupancyAdm);
        Assert.Equal(100, day.Capacity);
        Assert.Equal(0.31, day.Occupancy!.Value, 6);
        Assert.Equal(34, day.PaidAdm);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Kpi_totals_are_sums_per_currency_with_ratios_of_sums(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.KpiTotalsAsync(filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new KpiTotals(
            g.Key, g.LongCount(), g.LongCount(s => s.Adm > 0), g.Sum(s => s.Adm), g.Sum(s => s.PaidAdm), g.Sum(s => s.GboMinor),
            g.Sum(s => s.ConcessionsMinor), g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value),
            g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Daily_figures_per_date_and_currency(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.DailyAsync(filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => (s.BusinessDate, s.Currency)).OrderBy(g => g.Key.BusinessDate).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new DailyKpis(g.Key.BusinessDate, g.Key.Currency, g.LongCount(), g.Sum(s => s.Adm), g.Sum(s => s.GboMinor),
                g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value), g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Cinemas_per_currency(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.CinemasAsync(filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => (s.CinemaId, s.Currency)).OrderBy(g => g.Key.CinemaId, StringComparer.Ordinal)
            .Select(g => new CinemaTotals(g.Key.CinemaId, g.Key.Currency, g.LongCount(), g.Sum(s => s.Adm), g.Sum(s => s.GboMinor), g.Sum(s => s.ConcessionsMinor),
                g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value), g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Daypart_by_weekday_cells_count_admissions_of_every_currency(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.DaypartWeekdayAsync(filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => (s.IsoWeekday, s.DayPart)).OrderBy(g => g.Key.IsoWeekday).ThenBy(g => g.Key.DayPart, StringComparer.Ordinal)
            .Select(g => new DaypartWeekdayCell(g.Key.IsoWeekday, g.Key.DayPart, g.LongCount(), g.Sum(s => s.Adm),
                g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value), g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Top_films_by_admissions_per_currency(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.TopFilmsAsync(filter, 3, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => (s.FilmKey, s.Currency))
            .Select(g => new FilmTotals(g.Key.FilmKey, g.First().FilmTitle, g.First().Distributor, g.First().Film?.Genre, g.Key.Currency,
                g.LongCount(), g.Sum(s => s.Adm), g.Sum(s => s.GboMinor)))
            .OrderByDescending(f => f.Adm).ThenByDescending(f => f.GboMinor).ThenBy(f => f.FilmKey, StringComparer.Ordinal).ThenBy(f => f.Currency, StringComparer.Ordinal)
            .Take(3).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Genre_mix_names_missing_genres_Unknown(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.GenreMixAsync(filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).GroupBy(s => (s.Genre, s.Currency))
            .Select(g => new GenreTotals(g.Key.Genre, g.Key.Currency, g.Sum(s => s.Adm), g.Sum(s => s.GboMinor)))
            .OrderBy(g => g.Currency, StringComparer.Ordinal).ThenByDescending(g => g.GboMinor).ThenBy(g => g.Genre, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Distributor_share_is_of_the_same_currency_only(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.DistributorShareAsync(filter, TestContext.Current.CancellationToken);

        var selected = Selected(filter).ToList();
        var expected = selected.GroupBy(s => (s.Distributor, s.Currency))
            .Select(g =>
            {
                var total = selected.Where(s => s.Currency == g.Key.Currency).Sum(s => s.GboMinor);
                var gbo = g.Sum(s => s.GboMinor);
                return new DistributorShare(g.Key.Distributor, g.Key.Currency, gbo, total > 0 ? (double)gbo / total : null);
            })
            .OrderBy(d => d.Currency, StringComparer.Ordinal).ThenByDescending(d => d.GboMinor).ThenBy(d => d.Distributor, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_cinemas_days(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.CinemaDaysAsync("LON", filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter with { Cinemas = [] }).Where(s => s.CinemaId == "LON").GroupBy(s => (s.BusinessDate, s.Currency)).OrderBy(g => g.Key.BusinessDate)
            .Select(g => new CinemaDayKpis(g.Key.BusinessDate, g.Key.Currency, g.LongCount(), g.LongCount(s => s.Status == "CANCELLED"), g.LongCount(s => s.Adm > 0),
                g.Select(s => s.ScreenId).Distinct().Count(), g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value),
                g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm), g.Sum(s => s.Adm), g.Sum(s => s.PaidAdm), g.Sum(s => s.GboMinor), g.Sum(s => s.ConcessionsMinor))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_cinemas_day_parts(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.CinemaDaypartsAsync("PAR", filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter with { Cinemas = [] }).Where(s => s.CinemaId == "PAR").GroupBy(s => (s.DayPart, s.Currency)).OrderBy(g => g.Key.DayPart, StringComparer.Ordinal)
            .Select(g => new DaypartTotals(g.Key.DayPart, g.Key.Currency, g.LongCount(), g.Sum(s => s.Adm), g.Sum(s => s.GboMinor))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_cinemas_screens_with_their_seats(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.CinemaScreensAsync("LON", filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter with { Cinemas = [] }).Where(s => s.CinemaId == "LON").GroupBy(s => s.ScreenId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScreenOccupancy(g.Key, Sessions.Where(s => s.CinemaId == "LON" && s.ScreenId == g.Key).OrderBy(s => s.BusinessDate).Last(s => s.Capacity is not null).Capacity,
                g.LongCount(), g.Sum(s => s.Adm), g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value), g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_films_cinemas(string filterName)
    {
        var filter = Filter(filterName);
        var actual = await _host.Queries.FilmCinemasAsync(CinemaData.Avatar.Key, filter, TestContext.Current.CancellationToken);

        var expected = Selected(filter).Where(s => s.FilmKey == CinemaData.Avatar.Key).GroupBy(s => (s.CinemaId, s.Currency))
            .Select(g => new CinemaTotals(g.Key.CinemaId, g.Key.Currency, g.LongCount(), g.Sum(s => s.Adm), g.Sum(s => s.GboMinor), g.Sum(s => s.ConcessionsMinor),
                g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value), g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm)))
            .OrderByDescending(c => c.Adm).ThenBy(c => c.CinemaId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_films_run_counts_weeks_from_its_release_and_keeps_currencies_apart()
    {
        var ct = TestContext.Current.CancellationToken;
        var up = CinemaData.Up;
        var run = await FilmRun.LoadAsync(_host.Queries, up.Key, await _host.Queries.FilmAsync(up.Key, ct), BothWeeks, ct);

        // Up opens on Friday 2024-03-01: LON takes 70.00 GBP that Friday, PAR 300.00 EUR on the Sunday; LON 150.00 GBP in week 2.
        Assert.Equal(up.ReleaseDate, run.Start);
        var gbp = Assert.Single(run.Totals, t => t.Currency == "GBP");
        var eur = Assert.Single(run.Totals, t => t.Currency == "EUR");
        Assert.Equal(7_000, gbp.OpeningWeekendGboMinor);
        Assert.Equal(22_000, gbp.CumulativeGboMinor);
        Assert.Equal(22_000 / 7_000d, gbp.Legs!.Value, 9);
        Assert.Equal(30_000, eur.OpeningWeekendGboMinor);
        Assert.Equal(30_000, eur.CumulativeGboMinor);
        Assert.Equal(Sessions.Where(s => s.Film == up).Sum(s => s.Adm), run.Totals.Sum(t => t.Adm));

        var weeks = run.Weeks.Select(w => (w.WeekNumber, w.Currency, w.GboMinor, w.WeekOnWeek)).ToList();
        Assert.Equal([(1, "EUR", 30_000L, (double?)null), (1, "GBP", 7_000L, null), (2, "GBP", 15_000L, (15_000 - 7_000) / 7_000d)], weeks);
        // Market share: Up's GBO over every film's GBO of the same currency and week (week 1, GBP: LON and MAN).
        var week1Gbp = Sessions.Where(s => s.FilmWeek == Friday && s.Currency == "GBP").Sum(s => s.GboMinor);
        Assert.Equal(7_000d / week1Gbp, run.Weeks.Single(w => w.WeekNumber == 1 && w.Currency == "GBP").MarketShare!.Value, 9);
    }

    [Fact]
    public async Task A_film_released_before_its_data_has_no_opening_weekend_and_counts_weeks_from_the_release()
    {
        var ct = TestContext.Current.CancellationToken;
        var avatar = CinemaData.Avatar;
        var run = await FilmRun.LoadAsync(_host.Queries, avatar.Key, await _host.Queries.FilmAsync(avatar.Key, ct), BothWeeks with { Cinemas = ["LON"] }, ct);

        // Released Friday 2009-12-18: the data's first Friday (2024-03-01) is 5,187 days, 741 weeks, later: week 742.
        Assert.Equal(742, run.Weeks[0].WeekNumber);
        var gbp = Assert.Single(run.Totals);
        Assert.Null(gbp.OpeningWeekendGboMinor);
        Assert.Null(gbp.Legs);
        Assert.Contains("after the opening weekend", gbp.OpeningWeekendUnknownBecause);
        // Only LON: s01, s03, s04 (cancelled, its sales kept) and s10.
        Assert.Equal(29_000 + 5_000 + 3_000 + 38_000, gbp.CumulativeGboMinor);
        Assert.Equal(2, run.Weeks[0].Screens);
    }

    [Fact]
    public async Task A_film_is_described_from_dim_film_or_from_its_sessions_when_unmatched()
    {
        var ct = TestContext.Current.CancellationToken;
        var dads = await _host.Queries.FilmAsync(CinemaData.DadsArmy.Key, ct);
        var unmatched = await _host.Queries.FilmAsync("unmatched|" + SessionRow.UnmatchedTitle, ct);
        var unknown = await _host.Queries.FilmAsync("no such film", ct);

        Assert.Equal(new FilmInfo(CinemaData.DadsArmy.Key, "Dad's Army", "Columbia's", "Comedy", new DateOnly(1971, 3, 12), "PG", 102), dads);
        Assert.Equal(new FilmInfo("unmatched|" + SessionRow.UnmatchedTitle, SessionRow.UnmatchedTitle, "Unknown", null, null, null, null) { InCatalogue = false }, unmatched);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Filter_options_list_what_the_data_holds()
    {
        var options = await _host.Queries.FilterOptionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Sessions.Min(s => s.BusinessDate), options.FirstDate);
        Assert.Equal(Sessions.Max(s => s.BusinessDate), options.LastDate);
        Assert.Equal(["LON", "MAN", "PAR"], options.Cinemas);
        Assert.Equal(Sessions.Select(s => s.FilmKey).Distinct().Order(StringComparer.Ordinal), options.Films.Select(f => f.FilmKey).Order(StringComparer.Ordinal));
        Assert.Equal(["Action", "Adventure", "Comedy", "Unknown"], options.Genres);
        Assert.Equal(["Columbia's", "Disney", "Fox", "Unknown"], options.Distributors);
    }

    [Fact]
    public async Task Cinemas_are_described_by_their_screens_and_dates()
    {
        var options = await _host.Queries.FilterOptionsAsync(TestContext.Current.CancellationToken);

        var lon = options.Cinema("LON");
        Assert.Equal(("Europe/London", "London", "GBP", 2, 100L), (lon.TimeZone, lon.Region, lon.Currency, lon.Screens, lon.Seats));
        Assert.Equal((Friday, Friday.AddDays(7)), (lon.FirstDate!.Value, lon.LastDate!.Value));
        Assert.Equal(Friday.AddDays(2), options.LastDateOf(["MAN"]));
        Assert.Equal(Friday.AddDays(7), options.LastDateOf(["MAN", "PAR"]));
        Assert.NotNull(options.DataAsOf);
    }

    [Fact]
    public async Task The_coverage_strip_has_a_day_per_cinema_with_sessions()
    {
        var days = await _host.Queries.CoverageAsync(FirstWeek with { Genres = ["Action"] }, TestContext.Current.CancellationToken);

        var expected = Sessions.Where(s => s.BusinessDate <= Friday.AddDays(6)).GroupBy(s => (s.CinemaId, s.BusinessDate)).OrderBy(g => g.Key.CinemaId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.BusinessDate).Select(g => new CoverageDay(g.Key.CinemaId, g.Key.BusinessDate, g.LongCount()));
        Assert.Equal(expected, days);
    }

    [Fact]
    public async Task The_sessions_pages_table_by_date()
    {
        var table = DashboardTables.SessionsTable(await _host.Queries.DailyAsync(BothWeeks, TestContext.Current.CancellationToken));

        var expected = Sessions.GroupBy(s => s.BusinessDate).OrderBy(g => g.Key).Select(g =>
        {
            var counted = g.Where(s => s.CountsForOccupancy).ToList();
            var seats = counted.Sum(s => (long)s.Capacity!.Value);
            return string.Join(",", g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), g.LongCount(), seats, counted.Sum(s => s.Adm), g.Sum(s => s.Adm),
                seats > 0 ? ((double)counted.Sum(s => s.Adm) / seats).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : "");
        });
        Assert.Equal(["Business date", "Sessions", "Seats offered", "Occupancy admissions", "Admissions", "Occupancy"], table.Columns.Select(c => c.Header));
        Assert.Equal(expected, table.Rows.Select(r => string.Join(",", r.Select(c => c.Csv))));
    }
}
