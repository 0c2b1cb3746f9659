using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>
/// Every table the dashboard shows: its query and its columns, in one place. A page renders what
/// <see cref="LoadAsync"/> returns and the CSV export writes the same, so they cannot differ.
/// </summary>
public static class DashboardTables
{
    /// <summary>The query-string key naming the film or cinema of a film or cinema page's table.</summary>
    public const string SubjectKey = "subject";

    public const string TopFilms = "top-films";
    public const string Cinemas = "cinemas";
    public const string Genres = "genres";
    public const string Distributors = "distributors";
    public const string FilmWeeks = "film-weeks";
    public const string FilmCinemas = "film-cinemas";
    public const string CinemaDays = "cinema-days";
    public const string CinemaScreens = "cinema-screens";
    public const string CinemaDayparts = "cinema-dayparts";

    public const int TopFilmsLimit = 20;

    public static IReadOnlyList<string> Names { get; } =
        [TopFilms, Cinemas, Genres, Distributors, FilmWeeks, FilmCinemas, CinemaDays, CinemaScreens, CinemaDayparts];

    /// <summary>Whether the table belongs to a film or cinema page and so needs a subject.</summary>
    public static bool NeedsSubject(string name) => name is FilmWeeks or FilmCinemas or CinemaDays or CinemaScreens or CinemaDayparts;

    public static async Task<TableData> LoadAsync(string name, IDashboardQueries queries, DashboardFilter filter, string? subject, CancellationToken cancellationToken)
    {
        if (NeedsSubject(name) && string.IsNullOrEmpty(subject))
        {
            throw new ArgumentException($"The table '{name}' needs a film or cinema.", nameof(subject));
        }
        return name switch
        {
            TopFilms => TopFilmsTable(await queries.TopFilmsAsync(filter, TopFilmsLimit, cancellationToken), filter),
            Cinemas => CinemasTable(await queries.CinemasAsync(filter, cancellationToken), filter),
            Genres => GenresTable(await queries.GenreMixAsync(filter, cancellationToken)),
            Distributors => DistributorsTable(await queries.DistributorShareAsync(filter, cancellationToken)),
            FilmWeeks => FilmWeeksTable(await queries.FilmWeeksAsync(subject!, cancellationToken)),
            FilmCinemas => FilmCinemasTable(await queries.FilmCinemasAsync(subject!, filter, cancellationToken), filter),
            CinemaDays => CinemaDaysTable(await queries.CinemaDaysAsync(subject!, filter, cancellationToken)),
            CinemaScreens => ScreensTable(await queries.CinemaScreensAsync(subject!, filter, cancellationToken)),
            CinemaDayparts => DaypartsTable(await queries.CinemaDaypartsAsync(subject!, filter, cancellationToken)),
            _ => throw new ArgumentException($"There is no table '{name}'. Tables: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    // Each table from the rows of its query; pages that already hold the rows build it directly.

    public static TableData TopFilmsTable(IEnumerable<FilmTotals> rows, DashboardFilter filter) =>
        new TableShape<FilmTotals>(TopFilms, "Top films")
            .Text("Film", r => r.Title, r => Links.Film(r.FilmKey, filter))
            .Text("Distributor", r => r.Distributor)
            .Text("Genre", r => r.Genre ?? "Unknown")
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Build(rows);

    public static TableData CinemasTable(IEnumerable<CinemaTotals> rows, DashboardFilter filter) => CinemasShape(Cinemas, "Cinemas", filter).Build(rows);

    public static TableData FilmCinemasTable(IEnumerable<CinemaTotals> rows, DashboardFilter filter) => CinemasShape(FilmCinemas, "Cinemas playing it", filter).Build(rows);

    private static TableShape<CinemaTotals> CinemasShape(string name, string title, DashboardFilter filter) =>
        new TableShape<CinemaTotals>(name, title)
            .Text("Cinema", r => r.CinemaId, r => Links.Cinema(r.CinemaId, filter))
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Money("Concessions", r => r.ConcessionsMinor, r => r.Currency)
            .Count("Capacity", r => r.Capacity)
            .Percent("Occupancy", r => r.Occupancy);

    public static TableData GenresTable(IEnumerable<GenreTotals> rows) =>
        new TableShape<GenreTotals>(Genres, "Genre mix")
            .Text("Genre", r => r.Genre)
            .Text("Currency", r => r.Currency)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Build(rows);

    public static TableData DistributorsTable(IEnumerable<DistributorShare> rows) =>
        new TableShape<DistributorShare>(Distributors, "Distributor share")
            .Text("Distributor", r => r.Distributor)
            .Text("Currency", r => r.Currency)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Percent("Share of GBO", r => r.Share)
            .Build(rows);

    public static TableData FilmWeeksTable(IEnumerable<FilmWeekKpis> rows) =>
        new TableShape<FilmWeekKpis>(FilmWeeks, "Weekly box office")
            .Number("Week", r => new TableCell(r.WeekNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), r.WeekNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Number("Film week (Fri)", r => new TableCell(Numbers.Date(r.FilmWeek), Numbers.DateCsv(r.FilmWeek)))
            .Text("Currency", r => r.Currency)
            .Count("Cinemas", r => r.Cinemas)
            .Count("Screens", r => r.Screens)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Percent("Week on week", r => r.WeekOnWeek)
            .Money("Screen average", r => r.ScreenAverageMinor, r => r.Currency)
            .Money("Cumulative GBO", r => r.CumulativeGboMinor, r => r.Currency)
            .Ratio("Legs", r => r.Legs)
            .Build(rows);

    public static TableData CinemaDaysTable(IEnumerable<CinemaDayKpis> rows) =>
        new TableShape<CinemaDayKpis>(CinemaDays, "Daily KPIs")
            .Number("Business date", r => new TableCell(Numbers.Date(r.BusinessDate), Numbers.DateCsv(r.BusinessDate)))
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Cancelled", r => r.CancelledSessions)
            .Count("Screens", r => r.Screens)
            .Count("Admissions", r => r.Adm)
            .Percent("Occupancy", r => r.Occupancy)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Money("ATP", r => r.AtpMinor, r => r.Currency)
            .Money("SPH", r => r.SphMinor, r => r.Currency)
            .Build(rows);

    public static TableData ScreensTable(IEnumerable<ScreenOccupancy> rows) =>
        new TableShape<ScreenOccupancy>(CinemaScreens, "Occupancy by screen")
            .Text("Screen", r => r.ScreenId)
            .Number("Seats", r => new TableCell(r.Capacity is { } c ? Numbers.Count(c) : "–", r.Capacity is { } c2 ? Numbers.CountCsv(c2) : ""))
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Percent("Occupancy", r => r.Occupancy)
            .Build(rows);

    public static TableData DaypartsTable(IEnumerable<DaypartTotals> rows) =>
        new TableShape<DaypartTotals>(CinemaDayparts, "Day-part mix")
            .Text("Day-part", r => r.DayPart)
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Build(rows);
}
