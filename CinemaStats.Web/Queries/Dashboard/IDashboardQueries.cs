namespace CinemaStats.Web.Queries.Dashboard;

/// <summary>
/// Every question the dashboard asks, each answered by one query of the KPI catalogue, on
/// DuckDB locally or Athena in AWS, cached by data version.
/// </summary>
public interface IDashboardQueries
{
    Task<FilterOptions> FilterOptionsAsync(CancellationToken cancellationToken);

    // Overview
    Task<IReadOnlyList<KpiTotals>> KpiTotalsAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<DailyKpis>> DailyAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<FilmTotals>> TopFilmsAsync(DashboardFilter filter, int limit, CancellationToken cancellationToken);
    Task<IReadOnlyList<CinemaTotals>> CinemasAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<DaypartWeekdayCell>> DaypartWeekdayAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<GenreTotals>> GenreMixAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<DistributorShare>> DistributorShareAsync(DashboardFilter filter, CancellationToken cancellationToken);
    /// <summary>Which days of the filter's dates each cinema has data for.</summary>
    Task<IReadOnlyList<CoverageDay>> CoverageAsync(DashboardFilter filter, CancellationToken cancellationToken);

    // Film page
    Task<FilmInfo?> FilmAsync(string filmKey, CancellationToken cancellationToken);
    Task<IReadOnlyList<FilmDay>> FilmDaysAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<FilmWeekScreens>> FilmWeekScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken);
    /// <summary>Distinct screens that played the film in the filter's dates and cinemas, per currency.</summary>
    Task<IReadOnlyDictionary<string, int>> FilmScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<MarketWeek>> MarketWeeksAsync(DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<CinemaTotals>> FilmCinemasAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken);

    // Cinema page
    Task<IReadOnlyList<CinemaDayKpis>> CinemaDaysAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<ScreenOccupancy>> CinemaScreensAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken);
    Task<IReadOnlyList<DaypartTotals>> CinemaDaypartsAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken);
}
