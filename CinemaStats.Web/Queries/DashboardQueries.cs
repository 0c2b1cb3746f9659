using System.Diagnostics;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.Published;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries;

/// <summary>
/// The dashboard's questions, each answered by one query of <see cref="KpiCatalogue"/> on the
/// configured engine, against the data the transform has published, through the result cache.
/// </summary>
public sealed class DashboardQueries(
    IQueryEngine engine, IPublishedTables published, QueryResultCache cache, QueryMetrics metrics,
    IOptions<QueryOptions> options, ILogger<DashboardQueries> logger) : IDashboardQueries
{
    /// <summary>Runs of one query when the data is republished under it again and again.</summary>
    private const int MaxStaleRetries = 5;

    public async Task<FilterOptions> FilterOptionsAsync(CancellationToken cancellationToken)
    {
        var dates = await RunAsync(KpiCatalogue.FilterDates, null, [], r => (First: r.NullableDate(0), Last: r.NullableDate(1)), cancellationToken);
        var cinemas = await RunAsync(KpiCatalogue.FilterCinemas, null, [],
            r => (Id: r.String(0), TimeZone: r.NullableString(1), Currency: r.NullableString(2), Screens: r.Int(3), Seats: r.Long(4),
                Name: r.NullableString(5), Region: r.NullableString(6)), cancellationToken);
        var cinemaDates = await RunAsync(KpiCatalogue.CinemaDates, null, [], r => (Id: r.String(0), First: r.Date(1), Last: r.Date(2)), cancellationToken);
        var films = await RunAsync(KpiCatalogue.FilterFilms, null, [],
            r => (Film: new FilmOption(r.String(0), r.String(1)), Genre: r.String(2), Distributor: r.String(3)), cancellationToken);
        var catalog = await published.GetAsync(cancellationToken);
        var datesById = cinemaDates.ToDictionary(d => d.Id, d => (d.First, d.Last), StringComparer.Ordinal);
        return new FilterOptions(
            dates.FirstOrDefault().First, dates.FirstOrDefault().Last, [.. cinemas.Select(c => c.Id)],
            films.Select(f => f.Film).DistinctBy(f => f.FilmKey).ToList(),
            films.Select(f => f.Genre).Distinct().Order(StringComparer.Ordinal).ToList(),
            films.Select(f => f.Distributor).Distinct().Order(StringComparer.Ordinal).ToList())
        {
            CinemaDetails = [.. cinemas.Select(c => new CinemaInfo(c.Id, c.TimeZone, c.Currency, c.Screens, c.Seats,
                datesById.TryGetValue(c.Id, out var d) ? d.First : null, datesById.TryGetValue(c.Id, out var l) ? l.Last : null)
            {
                ReferenceName = c.Name,
                ReferenceRegion = c.Region,
            })],
            DataAsOf = catalog.PublishedAt,
        };
    }

    public Task<IReadOnlyList<CoverageDay>> CoverageAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.Coverage, SqlFilter.OnCinemaDayMart(filter.DatesAndCinemas()), [],
            r => new CoverageDay(r.String(0), r.Date(1), r.Long(2)), cancellationToken);

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
        var seen = await RunAsync(KpiCatalogue.FilmFromWeeks, null, [filmKey],
            r => new FilmInfo(filmKey, r.String(0), r.String(1), r.NullableString(2), null, null, null) { InCatalogue = false }, cancellationToken);
        return seen.FirstOrDefault();
    }

    public Task<IReadOnlyList<FilmDay>> FilmDaysAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.FilmDays, SqlFilter.OnSessions(filter), [filmKey],
            r => new FilmDay(r.Date(0), r.String(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5)), cancellationToken);

    public Task<IReadOnlyList<FilmWeekScreens>> FilmWeekScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.FilmWeekScreens, SqlFilter.OnSessions(filter), [filmKey],
            r => new FilmWeekScreens(r.Date(0), r.String(1), r.Int(2), r.Int(3)), cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> FilmScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        (await RunAsync(KpiCatalogue.FilmScreens, SqlFilter.OnSessions(filter), [filmKey], r => (Currency: r.String(0), Screens: r.Int(1)), cancellationToken))
            .ToDictionary(r => r.Currency, r => r.Screens, StringComparer.Ordinal);

    public Task<IReadOnlyList<MarketWeek>> MarketWeeksAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        RunAsync(KpiCatalogue.MarketWeeks, SqlFilter.OnSessions(filter), [],
            r => new MarketWeek(r.Date(0), r.String(1), r.Long(2), r.Long(3)), cancellationToken);

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
        var limit = maxRows ?? options.Value.MaxRows;
        var catalog = await published.GetAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(query, sql, parameters, limit, maxRows is null, catalog, map, cancellationToken);
            }
            catch (StaleCatalogException e) when (attempt < MaxStaleRetries)
            {
                logger.LogDebug(e, "Query {Query} met a newer publication; running it again on the new one", query.Name);
                catalog = await published.RefreshAsync(catalog, cancellationToken);
            }
        }
    }

    private Task<IReadOnlyList<T>> RunOnceAsync<T>(
        KpiQuery query, string sql, IReadOnlyList<object?> parameters, int limit, bool warnWhenTruncated, PublishedCatalog catalog,
        Func<QueryRow, T> map, CancellationToken cancellationToken) =>
        cache.GetOrRunAsync<IReadOnlyList<T>>(query.Name, sql, parameters, limit, catalog.VersionOf(query.Tables), async token =>
        {
            var timer = Stopwatch.StartNew();
            var result = await engine.ExecuteAsync(new QueryRequest(query.Name, sql, parameters, limit, options.Value.Timeout), catalog, token);
            metrics.Ran(query.Name, timer.Elapsed);
            if (result.Truncated && warnWhenTruncated)
            {
                logger.LogWarning("Query {Query} returned more than {MaxRows} rows; the rest were dropped", query.Name, limit);
            }
            return result.Rows.Select(row => map(new QueryRow(row))).ToList();
        }, cancellationToken);
}
