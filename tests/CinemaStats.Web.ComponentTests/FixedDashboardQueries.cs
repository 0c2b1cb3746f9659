using System.Collections.Concurrent;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.ComponentTests;

/// <summary>
/// Answers the dashboard's questions from fixed rows held in memory, narrowed by the filter's
/// cinemas and dates where a row has them, and remembers every filter it was asked with.
/// </summary>
public sealed class FixedDashboardQueries : IDashboardQueries
{
    public static readonly DateOnly First = new(2030, 3, 1);
    public static readonly DateOnly Last = new(2030, 3, 28);

    public ConcurrentQueue<DashboardFilter> Asked { get; } = new();

    public Exception? Failure { get; set; }

    public List<(string Cinema, DailyKpis Day)> Days { get; } =
    [
        .. Enumerable.Range(0, 28).Select(i => ("C1", new DailyKpis(First.AddDays(i), "GBP", 10, 100 + i, (100 + i) * 950L, 1000, 100 + i))),
        .. Enumerable.Range(0, 28).Select(i => ("C2", new DailyKpis(First.AddDays(i), "GBP", 5, 40, 40 * 800L, 400, 40))),
    ];

    public List<FilmTotals> Films { get; } =
    [
        new("F1", "Night Train, \"Director's Cut\"", "Acme Pictures", "Drama", "GBP", 30, 1200, 1_140_000),
        new("unmatched|the lost reel", "The Lost Reel", "Unknown", null, "GBP", 12, 300, 240_000),
    ];

    /// <summary>What the cinemas picker and pages know of each cinema; none by default (ids only).</summary>
    public List<CinemaInfo> CinemaDetails { get; } = [];

    public Task<FilterOptions> FilterOptionsAsync(CancellationToken cancellationToken) =>
        Answer(new FilterOptions(First, Last, ["C1", "C2"], [.. Films.Select(f => new FilmOption(f.FilmKey, f.Title))], ["Drama"], ["Acme Pictures", "Unknown"])
        {
            CinemaDetails = CinemaDetails,
        });

    private IEnumerable<DailyKpis> DaysIn(DashboardFilter f) =>
        Days.Where(d => d.Day.BusinessDate >= f.From && d.Day.BusinessDate <= f.To && (f.Cinemas.Count == 0 || f.Cinemas.Contains(d.Cinema))).Select(d => d.Day);

    public Task<IReadOnlyList<KpiTotals>> KpiTotalsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        Asked.Enqueue(filter);
        var days = DaysIn(filter).ToList();
        IReadOnlyList<KpiTotals> rows = days.Count == 0 ? [] :
            [new KpiTotals("GBP", days.Sum(d => d.Sessions), days.Sum(d => d.Sessions), days.Sum(d => d.Adm), days.Sum(d => d.Adm),
                days.Sum(d => d.GboMinor), days.Sum(d => d.Adm) * 250, days.Sum(d => d.Capacity), days.Sum(d => d.OccupancyAdm))];
        return Answer(rows);
    }

    public Task<IReadOnlyList<DailyKpis>> DailyAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<DailyKpis>>([.. DaysIn(filter)]);

    public Task<IReadOnlyList<FilmTotals>> TopFilmsAsync(DashboardFilter filter, int limit, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<FilmTotals>>([.. Films.Take(limit)]);

    public Task<IReadOnlyList<CinemaTotals>> CinemasAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<CinemaTotals>>([.. Days.Where(d => d.Day.BusinessDate >= filter.From && d.Day.BusinessDate <= filter.To && (filter.Cinemas.Count == 0 || filter.Cinemas.Contains(d.Cinema)))
            .GroupBy(d => d.Cinema)
            .Select(g => new CinemaTotals(g.Key, "GBP", g.Sum(d => d.Day.Sessions), g.Sum(d => d.Day.Adm), g.Sum(d => d.Day.GboMinor), 0, g.Sum(d => d.Day.Capacity), g.Sum(d => d.Day.OccupancyAdm)))]);

    public Task<IReadOnlyList<DaypartWeekdayCell>> DaypartWeekdayAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<DaypartWeekdayCell>>([new(5, "evening", 4, 120, 400, 120), new(6, "matinee", 2, 30, 200, 30)]);

    public Task<IReadOnlyList<GenreTotals>> GenreMixAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<GenreTotals>>([new("Drama", "GBP", 1200, 1_140_000), new("Unknown", "GBP", 300, 240_000)]);

    public Task<IReadOnlyList<DistributorShare>> DistributorShareAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<DistributorShare>>([new("Acme Pictures", "GBP", 1_140_000, 1_140_000 / 1_380_000d), new("Unknown", "GBP", 240_000, 240_000 / 1_380_000d)]);

    public Task<FilmInfo?> FilmAsync(string filmKey, CancellationToken cancellationToken) =>
        Answer(filmKey == "F1" ? new FilmInfo("F1", Films[0].Title, "Acme Pictures", "Drama", new DateOnly(2030, 3, 1), "PG-13", 121) : null);

    /// <summary>F1 (released Fri 2030-03-01) played in C1 (GBP) and C2 (EUR): GBP on 03-01, 03-02 and 03-08, EUR from 03-09 (after its opening weekend).</summary>
    public List<(string Cinema, string Film, FilmDay Day)> FilmDays { get; } =
    [
        ("C1", "F1", new FilmDay(new DateOnly(2030, 3, 1), "GBP", 4, 300, 280, 300_000)),
        ("C1", "F1", new FilmDay(new DateOnly(2030, 3, 2), "GBP", 4, 200, 200, 200_000)),
        ("C1", "F1", new FilmDay(new DateOnly(2030, 3, 8), "GBP", 3, 100, 90, 150_000)),
        ("C2", "F1", new FilmDay(new DateOnly(2030, 3, 9), "EUR", 2, 50, 50, 60_000)),
    ];

    public Task<IReadOnlyList<FilmDay>> FilmDaysAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<FilmDay>>([.. FilmDays.Where(d => d.Film == filmKey && (filter.Cinemas.Count == 0 || filter.Cinemas.Contains(d.Cinema))
            && d.Day.BusinessDate >= filter.From && d.Day.BusinessDate <= filter.To).Select(d => d.Day)]);

    public Task<IReadOnlyList<FilmWeekScreens>> FilmWeekScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<FilmWeekScreens>>(filmKey != "F1" ? [] :
            [new(new DateOnly(2030, 3, 1), "GBP", 1, 2), new(new DateOnly(2030, 3, 8), "GBP", 1, 1), new(new DateOnly(2030, 3, 8), "EUR", 1, 1)]);

    public Task<IReadOnlyDictionary<string, int>> FilmScreensAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["GBP"] = 2, ["EUR"] = 1 });

    public Task<IReadOnlyList<MarketWeek>> MarketWeeksAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<MarketWeek>>([new(new DateOnly(2030, 3, 1), "GBP", 1000, 1_000_000), new(new DateOnly(2030, 3, 8), "GBP", 500, 600_000), new(new DateOnly(2030, 3, 8), "EUR", 80, 120_000)]);

    public Task<IReadOnlyList<CoverageDay>> CoverageAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<CoverageDay>>([.. Days.Where(d => d.Day.BusinessDate >= filter.From && d.Day.BusinessDate <= filter.To && (filter.Cinemas.Count == 0 || filter.Cinemas.Contains(d.Cinema)))
            .Select(d => new CoverageDay(d.Cinema, d.Day.BusinessDate, d.Day.Sessions))]);

    public Task<IReadOnlyList<CinemaTotals>> FilmCinemasAsync(string filmKey, DashboardFilter filter, CancellationToken cancellationToken) => CinemasAsync(filter, cancellationToken);

    public Task<IReadOnlyList<CinemaDayKpis>> CinemaDaysAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<CinemaDayKpis>>([.. Days.Where(d => d.Cinema == cinemaId && d.Day.BusinessDate >= filter.From && d.Day.BusinessDate <= filter.To)
            .Select(d => new CinemaDayKpis(d.Day.BusinessDate, "GBP", d.Day.Sessions, 0, d.Day.Sessions, 3, d.Day.Capacity, d.Day.OccupancyAdm, d.Day.Adm, d.Day.Adm, d.Day.GboMinor, 0))]);

    public Task<IReadOnlyList<ScreenOccupancy>> CinemaScreensAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<ScreenOccupancy>>([new("S1", 120, 10, 60, 1200, 60), new("S2", null, 4, 10, 0, 0)]);

    public Task<IReadOnlyList<DaypartTotals>> CinemaDaypartsAsync(string cinemaId, DashboardFilter filter, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<DaypartTotals>>([new("late", "GBP", 2, 20, 19_000), new("matinee", "GBP", 5, 50, 40_000)]);

    private Task<T> Answer<T>(T value) => Failure is { } failure ? Task.FromException<T>(failure) : Task.FromResult(value);
}
