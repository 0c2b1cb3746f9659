using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>One catalogue query with the parameters a page would give it.</summary>
public sealed record BenchmarkCase(string Page, KpiQuery Query, SqlFilter? Filter, object?[] Leading, int MaxRows = 5_000)
{
    public QueryRequest Request(TimeSpan timeout)
    {
        var (sql, parameters) = Query.Bind(Filter, Leading);
        return new QueryRequest(Query.Name, sql, parameters, MaxRows, timeout);
    }

    /// <summary>Every catalogue query, on one month of data: the overview without and with a genre filter, a film page, a cinema page, the home page.</summary>
    public static IReadOnlyList<BenchmarkCase> All(DateOnly monthStart)
    {
        var month = DashboardFilter.ForRange(monthStart, monthStart.AddMonths(1).AddDays(-1));
        var action = month with { Genres = ["Action"] };
        var onMart = SqlFilter.OnCinemaDayMart(month);
        var onSessions = SqlFilter.OnSessions(month);
        var filmKey = SyntheticCinemaData.FilmKey(0);
        var cinema = SyntheticCinemaData.CinemaId(0);
        const string Overview = "overview", Filtered = "overview, genre filter", FilmPage = "film page", CinemaPage = "cinema page";
        List<BenchmarkCase> cases =
        [
            new(Overview, KpiCatalogue.FilterDates, null, []),
            new(Overview, KpiCatalogue.FilterCinemas, null, []),
            new(Overview, KpiCatalogue.FilterFilms, null, []),
            new(Overview, KpiCatalogue.KpiTotalsFromMart, onMart, []),
            new(Overview, KpiCatalogue.DailyFromMart, onMart, []),
            new(Overview, KpiCatalogue.TopFilms, onSessions, [], 10),
            new(Overview, KpiCatalogue.CinemasFromMart, onMart, []),
            new(Overview, KpiCatalogue.DaypartWeekdayFromMart, onMart, []),
            new(Overview, KpiCatalogue.GenreMix, onSessions, []),
            new(Overview, KpiCatalogue.DistributorGbo, onSessions, []),
            new(Filtered, KpiCatalogue.KpiTotals, SqlFilter.OnSessions(action), []),
            new(Filtered, KpiCatalogue.Daily, SqlFilter.OnSessions(action), []),
            new(Filtered, KpiCatalogue.Cinemas, SqlFilter.OnSessions(action), []),
            new(Filtered, KpiCatalogue.DaypartWeekday, SqlFilter.OnSessions(action), []),
            new(FilmPage, KpiCatalogue.Film, null, [filmKey]),
            new(FilmPage, KpiCatalogue.FilmFromWeeks, null, ["unmatched|UNMATCHED TITLE 3"]),
            new(FilmPage, KpiCatalogue.FilmDays, onSessions, [filmKey]),
            new(FilmPage, KpiCatalogue.FilmWeekScreens, onSessions, [filmKey]),
            new(FilmPage, KpiCatalogue.FilmScreens, onSessions, [filmKey]),
            new(FilmPage, KpiCatalogue.MarketWeeks, onSessions, []),
            new(FilmPage, KpiCatalogue.FilmCinemas, onSessions, [filmKey]),
            new(CinemaPage, KpiCatalogue.CinemaDaysFromMart, onMart, [cinema]),
            new(CinemaPage, KpiCatalogue.CinemaDays, SqlFilter.OnSessions(action), [cinema]),
            new(CinemaPage, KpiCatalogue.CinemaScreens, onSessions, [cinema]),
            new(CinemaPage, KpiCatalogue.CinemaDaypartsFromMart, onMart, [cinema]),
            new(CinemaPage, KpiCatalogue.CinemaDayparts, SqlFilter.OnSessions(action), [cinema]),
            new(Overview, KpiCatalogue.CinemaDates, null, []),
            new(Overview, KpiCatalogue.Coverage, onMart, []),
        ];
        var missing = KpiCatalogue.All.Except(cases.Select(c => c.Query)).Select(q => q.Name).ToList();
        return missing.Count == 0 ? cases : throw new InvalidOperationException($"The benchmark misses catalogue queries: {string.Join(", ", missing)}");
    }
}
