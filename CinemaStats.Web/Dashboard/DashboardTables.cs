using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>
/// Every table the dashboard shows: its query and its columns, in one place. A page renders what
/// <see cref="LoadAsync"/> returns and the CSV export writes the same, so they cannot differ.
/// </summary>
public static class DashboardTables
{
    private static readonly System.Globalization.CultureInfo Plain = System.Globalization.CultureInfo.InvariantCulture;

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
    public const string CinemaFilms = "cinema-films";
    public const string Sessions = "sessions";

    public const int TopFilmsLimit = 20;

    public static IReadOnlyList<string> Names { get; } =
        [TopFilms, Cinemas, Genres, Distributors, FilmWeeks, FilmCinemas, CinemaDays, CinemaScreens, CinemaDayparts, CinemaFilms, Sessions];

    /// <summary>Whether the table belongs to a film or cinema page and so needs a subject.</summary>
    public static bool NeedsSubject(string name) => name is FilmWeeks or FilmCinemas or CinemaDays or CinemaScreens or CinemaDayparts or CinemaFilms;

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
            FilmWeeks => FilmWeeksTable((await FilmRun.LoadAsync(queries, subject!, await queries.FilmAsync(subject!, cancellationToken), filter, cancellationToken)).Weeks),
            FilmCinemas => FilmCinemasTable(await queries.FilmCinemasAsync(subject!, filter, cancellationToken), filter),
            CinemaDays => CinemaDaysTable(await queries.CinemaDaysAsync(subject!, filter, cancellationToken)),
            CinemaScreens => ScreensTable(await queries.CinemaScreensAsync(subject!, filter, cancellationToken)),
            CinemaDayparts => DaypartsTable(await queries.CinemaDaypartsAsync(subject!, filter, cancellationToken)),
            CinemaFilms => CinemaFilmsTable(await queries.TopFilmsAsync(filter with { Cinemas = [subject!] }, TopFilmsLimit, cancellationToken), filter),
            Sessions => SessionsTable(await queries.DailyAsync(filter, cancellationToken)),
            _ => throw new ArgumentException($"There is no table '{name}'. Tables: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    // Each table from the rows of its query; pages that already hold the rows build it directly.

    public static TableData TopFilmsTable(IEnumerable<FilmTotals> rows, DashboardFilter filter) => FilmsShape(TopFilms, "Top films", filter).Build(rows);

    /// <summary>The films a cinema played in the period (its top films; their links keep the page's filter).</summary>
    public static TableData CinemaFilmsTable(IEnumerable<FilmTotals> rows, DashboardFilter filter) => FilmsShape(CinemaFilms, "Films playing", filter).Build(rows);

    private static TableShape<FilmTotals> FilmsShape(string name, string title, DashboardFilter filter) =>
        new TableShape<FilmTotals>(name, title)
            .Text("Film", r => r.Title, r => Links.Film(r.FilmKey, filter))
            .Text("Distributor", r => r.Distributor)
            .Text("Genre", r => r.Genre ?? "Unknown")
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency);

    public static TableData CinemasTable(IEnumerable<CinemaTotals> rows, DashboardFilter filter) =>
        CinemasShape(Cinemas, "Cinemas", filter, withConcessions: true).Build(rows);

    /// <summary>A film's cinemas: without concessions, which are sold to the cinema's guests, not to one film's.</summary>
    public static TableData FilmCinemasTable(IEnumerable<CinemaTotals> rows, DashboardFilter filter) =>
        CinemasShape(FilmCinemas, "Cinemas playing it", filter, withConcessions: false).Build(rows);

    private static TableShape<CinemaTotals> CinemasShape(string name, string title, DashboardFilter filter, bool withConcessions)
    {
        var shape = new TableShape<CinemaTotals>(name, title)
            .Text("Cinema", r => r.CinemaId, r => Links.Cinema(r.CinemaId, filter))
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency);
        shape = withConcessions
            ? shape.Money("Concessions", r => r.ConcessionsMinor, r => r.Currency)
            : shape.Noted("The film's ticket sales. Concessions are not shown per film: they are sold to a cinema's guests, not for one film.");
        return shape
            .Count("Capacity", r => r.Capacity)
            .Percent("Occupancy", r => r.Occupancy);
    }

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
        new TableShape<FilmWeekKpis>(FilmWeeks, "Weekly box office, whole run")
            .Number("Week", r => new TableCell(r.WeekNumber.ToString(Plain), r.WeekNumber.ToString(Plain)))
            .Noted("Week 1 is the film week (Fri–Thu) of the release date, or of the first screening when the catalogue has none.")
            .Number("Film week (Fri)", r => new TableCell(Numbers.Date(r.FilmWeek), Numbers.DateCsv(r.FilmWeek)))
            .Text("Currency", r => r.Currency)
            .Count("Cinemas", r => r.Cinemas)
            .Count("Screens", r => r.Screens)
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Percent("Week on week", r => r.WeekOnWeek, "No takings the week before in this currency: there is nothing to compare with.")
            .Money("Screen average", r => r.ScreenAverageMinor, r => r.Currency)
            .Percent("Market share", r => r.MarketShare, "No takings by any film that week in this currency.")
            .Noted("The film's GBO over every film's GBO in the same currency, week and cinemas.")
            .Money("Cumulative GBO", r => r.CumulativeGboMinor, r => r.Currency)
            .Ratio("Legs", r => r.Legs, "The opening weekend's takings are not known (or were zero), so cumulative ÷ opening is not defined.")
            .Build(rows);

    /// <summary>Per business date, all currencies together (counts only): sessions, seats offered, admissions, occupancy.</summary>
    public static TableData SessionsTable(IEnumerable<DailyKpis> rows) =>
        new TableShape<DailyKpis>(Sessions, "Sessions by business date")
            .Number("Business date", r => new TableCell(Numbers.Date(r.BusinessDate), Numbers.DateCsv(r.BusinessDate)))
            .Count("Sessions", r => r.Sessions)
            .Count("Seats offered", r => r.Capacity)
            .Noted("Seats of the sessions that were not cancelled and have a capacity: occupancy's denominator.")
            .Count("Occupancy admissions", r => r.OccupancyAdm)
            .Noted("Admissions of those same sessions: occupancy's numerator.")
            .Count("Admissions", r => r.Adm)
            .Noted("Every admission, cancelled sessions' sales included.")
            .Percent("Occupancy", r => r.Occupancy, "No non-cancelled session with a capacity that day.")
            .Build(rows.GroupBy(r => r.BusinessDate).OrderBy(g => g.Key).Select(g =>
                new DailyKpis(g.Key, "", g.Sum(r => r.Sessions), g.Sum(r => r.Adm), 0, g.Sum(r => r.Capacity), g.Sum(r => r.OccupancyAdm))));

    public static TableData CinemaDaysTable(IEnumerable<CinemaDayKpis> rows) =>
        new TableShape<CinemaDayKpis>(CinemaDays, "Daily KPIs")
            .Number("Business date", r => new TableCell(Numbers.Date(r.BusinessDate), Numbers.DateCsv(r.BusinessDate)))
            .Text("Currency", r => r.Currency)
            .Count("Sessions", r => r.Sessions)
            .Count("Cancelled", r => r.CancelledSessions)
            .Count("Screens", r => r.Screens)
            .Count("Admissions", r => r.Adm)
            .Count("Paid admissions", r => r.PaidAdm)
            .Count("Seats offered", r => r.Capacity)
            .Noted("Σ seats of the sessions that were not cancelled and have a capacity > 0.")
            .Count("Occupancy admissions", r => r.OccupancyAdm)
            .Noted("Admissions of those same sessions; a cancelled session that sold tickets is left out.")
            .Percent("Occupancy", r => r.Occupancy, "No non-cancelled session with a capacity that day.")
            .Money("GBO", r => r.GboMinor, r => r.Currency)
            .Money("Concessions", r => r.ConcessionsMinor, r => r.Currency)
            .Money("ATP", r => r.AtpMinor, r => r.Currency, "No paid admissions that day.")
            .Money("SPH", r => r.SphMinor, r => r.Currency, "No admissions that day.")
            .Build(rows);

    public static TableData ScreensTable(IEnumerable<ScreenOccupancy> rows) =>
        new TableShape<ScreenOccupancy>(CinemaScreens, "Occupancy by screen")
            .Text("Screen", r => r.ScreenId)
            .Number("Seats", r => new TableCell(r.Capacity is { } c ? Numbers.Count(c) : Numbers.Missing, r.Capacity is { } c2 ? Numbers.CountCsv(c2) : "",
                Why: r.Capacity is null ? "No session of this screen gave a capacity." : null))
            .Noted("The screen's seats, from its latest session with a capacity.")
            .Count("Sessions", r => r.Sessions)
            .Count("Admissions", r => r.Adm)
            .Noted("Every admission, cancelled sessions' sales included.")
            .Count("Seats offered", r => r.SessionCapacity)
            .Noted("Σ seats of the sessions that were not cancelled and have a capacity > 0.")
            .Count("Occupancy admissions", r => r.OccupancyAdm)
            .Noted("Admissions of those same sessions; a cancelled session that sold tickets is left out.")
            .Percent("Occupancy", r => r.Occupancy, "No non-cancelled session with a capacity on this screen.")
            .Noted("Occupancy admissions ÷ seats offered.")
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
