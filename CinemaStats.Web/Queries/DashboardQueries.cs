using System.Diagnostics;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries;

/// <summary>Sessions, seats offered, admissions and occupancy on one business date.</summary>
/// <param name="Occupancy">Σ admissions / Σ capacity over non-cancelled sessions with capacity (null when there are none).</param>
public sealed record SessionsOnDate(DateOnly BusinessDate, long Sessions, long Capacity, long Admissions, double? Occupancy);

/// <summary>
/// The dashboard's questions, each answered by one query of <see cref="KpiCatalogue"/> on the
/// configured engine, against the data the transform has published, through the result cache.
/// </summary>
public sealed class DashboardQueries(
    IQueryEngine engine, IPublishedTables published, QueryResultCache cache, QueryMetrics metrics,
    IOptions<QueryOptions> options, ILogger<DashboardQueries> logger) : IDashboardQueries
{
    public Task<IReadOnlyList<SessionsOnDate>> SessionsByDateAsync(CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.SessionsByDate, null, [], r => new SessionsOnDate(r.Date(0), r.Long(1), r.Long(2), r.Long(3), r.NullableDouble(4)), cancellationToken);

    public async Task<FilterOptions> FilterOptionsAsync(CancellationToken cancellationToken)
    {
        var dates = await RunAsync(KpiCatalogue.FilterDates, null, [], r => (First: r.NullableDate(0), Last: r.NullableDate(1)), cancellationToken);
        var cinemas = await RunAsync(KpiCatalogue.FilterCinemas, null, [], r => r.String(0), cancellationToken);
        var films = await RunAsync(KpiCatalogue.FilterFilms, null, [],
            r => (Film: new FilmOption(r.String(0), r.String(1)), Genre: r.String(2), Distributor: r.String(3)), cancellationToken);
        return new FilterOptions(
            dates.FirstOrDefault().First, dates.FirstOrDefault().Last, cinemas,
            films.Select(f => f.Film).DistinctBy(f => f.FilmKey).ToList(),
            films.Select(f => f.Genre).Distinct().Order(StringComparer.Ordinal).ToList(),
            films.Select(f => f.Distributor).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public Task<IReadOnlyList<KpiTotals>> KpiTotalsAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.KpiTotalsFromMart, KpiCatalogue.KpiTotals, filter, [],
            r => new KpiTotals(r.String(0), r.Long(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6), r.Long(7), r.Long(8)), cancellationToken);

    public Task<IReadOnlyList<DailyKpis>> DailyAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.DailyFromMart, KpiCatalogue.Daily, filter, [],
            r => new DailyKpis(r.Date(0), r.String(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6)), cancellationToken);

    public Task<IReadOnlyList<FilmTotals>> TopFilmsAsync(DashboardFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync(KpiCatalogue.TopFilms, SqlFilter.OnSessions(filter), [], MapFilmTotals, cancellationToken, maxRows: limit);
    }

    public Task<IReadOnlyList<CinemaTotals>> CinemasAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.CinemasFromMart, KpiCatalogue.Cinemas, filter, [], MapCinemaTotals, cancellationToken);

    public Task<IReadOnlyList<DaypartWeekdayCell>> DaypartWeekdayAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.DaypartWeekdayFromMart, KpiCatalogue.DaypartWeekday, filter, [],
            r => new DaypartWeekdayCell(r.Int(0), r.String(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5)), cancellationToken);

    public Task<IReadOnlyList<GenreTotals>> GenreMixAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.GenreMix, SqlFilter.OnSessions(filter), [], r => new GenreTotals(r.String(0), r.String(1), r.Long(2), r.Long(3)), cancellationToken);

    public async Task<IReadOnlyList<DistributorShare>> DistributorShareAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(KpiCatalogue.DistributorGbo, SqlFilter.OnSessions(filter), [],
            r => (Distributor: r.String(0), Currency: r.String(1), Gbo: r.Long(2)), cancellationToken);
        var totals = rows.GroupBy(r => r.Currency).ToDictionary(g => g.Key, g => g.Sum(r => r.Gbo));
        return rows.Select(r => new DistributorShare(r.Distributor, r.Currency, r.Gbo,
            totals[r.Currency] > 0 ? (double)r.Gbo / totals[r.Currency] : null)).ToList();
    }

    public async Task<FilmInfo?> FilmAsync(string filmKey, CancellationToken cancellationToken)
    {
        var catalogued = await RunAsync(KpiCatalogue.Film, null, [filmKey],
            r => new FilmInfo(r.String(0), r.String(1), r.String(2), r.NullableString(3), r.NullableDate(4), r.NullableString(5), r.NullableInt(6)), cancellationToken);
        if (catalogued.Count > 0)
        {
            return catalogued[0];
        }
        var seen = await RunAsync(KpiCatalogue.FilmFromSessions, null, [filmKey],
            r => new FilmInfo(filmKey, r.String(0), r.String(1), r.NullableString(2), null, null, null), cancellationToken);
        return seen.FirstOrDefault();
    }

    public Task<IReadOnlyList<FilmWeekKpis>> FilmWeeksAsync(string filmKey, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.FilmWeeks, null, [filmKey],
            r => new FilmWeekKpis(r.Date(0), r.Int(1), r.String(2), r.Long(3), r.Int(4), r.Int(5), r.Long(6), r.Long(7),
                r.NullableLong(8), r.Long(9), r.Long(10)), cancellationToken);

    public Task<IReadOnlyList<CinemaTotals>> FilmCinemasAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.FilmCinemas, SqlFilter.OnSessions(filter), [filmKey], MapCinemaTotals, cancellationToken);

    public Task<IReadOnlyList<CinemaDayKpis>> CinemaDaysAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.CinemaDaysFromMart, KpiCatalogue.CinemaDays, filter with { Cinemas = [] }, [cinemaId],
            r => new CinemaDayKpis(r.Date(0), r.String(1), r.Long(2), r.Long(3), r.Long(4), r.Int(5), r.Long(6), r.Long(7),
                r.Long(8), r.Long(9), r.Long(10), r.Long(11)), cancellationToken);

    public Task<IReadOnlyList<ScreenOccupancy>> CinemaScreensAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.CinemaScreens, SqlFilter.OnSessions(filter with { Cinemas = [] }), [cinemaId],
            r => new ScreenOccupancy(r.String(0), r.NullableInt(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5)), cancellationToken);

    public Task<IReadOnlyList<DaypartTotals>> CinemaDaypartsAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunOnMartOrSessionsAsync(KpiCatalogue.CinemaDaypartsFromMart, KpiCatalogue.CinemaDayparts, filter with { Cinemas = [] }, [cinemaId],
            r => new DaypartTotals(r.String(0), r.String(1), r.Long(2), r.Long(3), r.Long(4)), cancellationToken);

    private static FilmTotals MapFilmTotals(QueryRow r) =>
        new(r.String(0), r.String(1), r.String(2), r.NullableString(3), r.String(4), r.Long(5), r.Long(6), r.Long(7));

    private static CinemaTotals MapCinemaTotals(QueryRow r) =>
        new(r.String(0), r.String(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6), r.Long(7));

    /// <summary>The cinema-day mart when the filter selects no film, genre or distributor; fact_session otherwise.</summary>
    private Task<IReadOnlyList<T>> RunOnMartOrSessionsAsync<T>(
        KpiQuery onMart, KpiQuery onSessions, DashboardFilter filter, object?[] leading, Func<QueryRow, T> map, CancellationToken cancellationToken) =>
        filter.HasFilmDimensions()
            ? RunAsync(onSessions, SqlFilter.OnSessions(filter), leading, map, cancellationToken)
            : RunAsync(onMart, SqlFilter.OnCinemaDayMart(filter), leading, map, cancellationToken);

    private async Task<IReadOnlyList<T>> RunAsync<T>(
        KpiQuery query, SqlFilter? filter, object?[] leading, Func<QueryRow, T> map, CancellationToken cancellationToken, int? maxRows = null)
    {
        var (sql, parameters) = query.Bind(filter, leading);
        var catalog = await published.GetAsync(cancellationToken);
        var limit = maxRows ?? options.Value.MaxRows;
        return await cache.GetOrRunAsync<IReadOnlyList<T>>(query.Name, sql, parameters, limit, catalog.VersionOf(query.Tables), async token =>
        {
            var timer = Stopwatch.StartNew();
            var result = await engine.ExecuteAsync(new QueryRequest(query.Name, sql, parameters, limit, options.Value.Timeout), catalog, token);
            metrics.Ran(query.Name, timer.Elapsed);
            if (result.Truncated && maxRows is null)
            {
                logger.LogWarning("Query {Query} returned more than {MaxRows} rows; the rest were dropped", query.Name, limit);
            }
            return result.Rows.Select(row => map(new QueryRow(row))).ToList();
        }, cancellationToken);
    }
}
