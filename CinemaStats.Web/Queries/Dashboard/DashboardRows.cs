namespace CinemaStats.Web.Queries.Dashboard;

// Rows the dashboard queries return. Money is in minor units of its currency and never added
// across currencies, so every money row names its currency. Ratios are Σ/Σ (docs/data-contract.md), computed
// from the sums each row carries, and null where the denominator is 0.

/// <summary>The KPI cards' numbers for one currency.</summary>
public sealed record KpiTotals(
    string Currency, long Sessions, long SessionsWithAdm, long Adm, long PaidAdm,
    long GboMinor, long ConcessionsMinor, long Capacity, long OccupancyAdm)
{
    public double? Occupancy => Capacity > 0 ? (double)OccupancyAdm / Capacity : null;
    public double? AtpMinor => PaidAdm != 0 ? (double)GboMinor / PaidAdm : null;
    public double? SphMinor => Adm != 0 ? (double)ConcessionsMinor / Adm : null;
    public double? ShowUtilisation => Sessions > 0 ? (double)SessionsWithAdm / Sessions : null;
}

public sealed record DailyKpis(DateOnly BusinessDate, string Currency, long Sessions, long Adm, long GboMinor, long Capacity, long OccupancyAdm)
{
    public double? Occupancy => Capacity > 0 ? (double)OccupancyAdm / Capacity : null;
}

public sealed record FilmTotals(string FilmKey, string Title, string Distributor, string? Genre, string Currency, long Sessions, long Adm, long GboMinor);

public sealed record CinemaTotals(string CinemaId, string Currency, long Sessions, long Adm, long GboMinor, long ConcessionsMinor, long Capacity, long OccupancyAdm)
{
    public double? Occupancy => Capacity > 0 ? (double)OccupancyAdm / Capacity : null;
}

/// <summary>One cell of the day-part × weekday heat map (all currencies' admissions together: a count, not money).</summary>
public sealed record DaypartWeekdayCell(int IsoWeekday, string DayPart, long Sessions, long Adm, long Capacity, long OccupancyAdm)
{
    public double? Occupancy => Capacity > 0 ? (double)OccupancyAdm / Capacity : null;
}

/// <summary>Genre mix; <c>Genre</c> is "Unknown" where the film has none or did not match.</summary>
public sealed record GenreTotals(string Genre, string Currency, long Adm, long GboMinor);

/// <summary>Distributor share of GBO within one currency: GboMinor / Σ GboMinor of that currency.</summary>
public sealed record DistributorShare(string Distributor, string Currency, long GboMinor, double? Share);

/// <summary>A film's sales on one business date in one currency (selected cinemas).</summary>
public sealed record FilmDay(DateOnly BusinessDate, string Currency, long Sessions, long Adm, long PaidAdm, long GboMinor);

/// <summary>Distinct cinemas and screens that played a film in one film week and currency.</summary>
public sealed record FilmWeekScreens(DateOnly FilmWeek, string Currency, int Cinemas, int Screens);

/// <summary>All films' admissions and GBO in one film week and currency (selected cinemas): the market.</summary>
public sealed record MarketWeek(DateOnly FilmWeek, string Currency, long Adm, long GboMinor);

/// <summary>
/// A film's week with the film page's KPIs. Week 1 is the film week (Fri–Thu) of the release date,
/// or of the first screening when the catalogue has no release date; previews before it are week 0 or less.
/// </summary>
public sealed record FilmWeekKpis(
    DateOnly FilmWeek, int WeekNumber, string Currency, long Sessions, int Cinemas, int Screens, long Adm, long GboMinor,
    long? PreviousWeekGboMinor, long CumulativeGboMinor, long? OpeningWeekendGboMinor, long? MarketGboMinor)
{
    /// <summary>(Gn − Gn−1) / Gn−1; null when Gn−1 ≤ 0 or there is no previous week.</summary>
    public double? WeekOnWeek => PreviousWeekGboMinor is > 0 and var p ? (double)(GboMinor - p) / p : null;
    public double? Legs => OpeningWeekendGboMinor is > 0 and var o ? (double)CumulativeGboMinor / o : null;
    public double? ScreenAverageMinor => Screens > 0 ? (double)GboMinor / Screens : null;
    /// <summary>The film's GBO over every film's GBO of the same currency that week in the same cinemas.</summary>
    public double? MarketShare => MarketGboMinor is > 0 and var m ? (double)GboMinor / m : null;
}

public sealed record FilmInfo(string FilmKey, string Title, string Distributor, string? Genre, DateOnly? ReleaseDate, string? MpaaRating, int? RunningTimeMin)
{
    /// <summary>False for a title that matched no catalogue entry (known only by the sessions that played it).</summary>
    public bool InCatalogue { get; init; } = true;
}

public sealed record CinemaDayKpis(DateOnly BusinessDate, string Currency, long Sessions, long CancelledSessions, long SessionsWithAdm, int Screens,
    long Capacity, long OccupancyAdm, long Adm, long PaidAdm, long GboMinor, long ConcessionsMinor)
{
    public double? Occupancy => Capacity > 0 ? (double)OccupancyAdm / Capacity : null;
    public double? AtpMinor => PaidAdm != 0 ? (double)GboMinor / PaidAdm : null;
    public double? SphMinor => Adm != 0 ? (double)ConcessionsMinor / Adm : null;
}

public sealed record ScreenOccupancy(string ScreenId, int? Capacity, long Sessions, long Adm, long SessionCapacity, long OccupancyAdm)
{
    public double? Occupancy => SessionCapacity > 0 ? (double)OccupancyAdm / SessionCapacity : null;
}

public sealed record DaypartTotals(string DayPart, string Currency, long Sessions, long Adm, long GboMinor);

/// <summary>What the filter pickers offer, and the dates that have data.</summary>
public sealed record FilterOptions(
    DateOnly? FirstDate, DateOnly? LastDate,
    IReadOnlyList<string> Cinemas, IReadOnlyList<FilmOption> Films, IReadOnlyList<string> Genres, IReadOnlyList<string> Distributors)
{
    /// <summary>What is known of each cinema; a cinema missing here is shown by its code.</summary>
    public IReadOnlyList<CinemaInfo> CinemaDetails { get; init; } = [];

    /// <summary>When the newest data the dashboard reads was published (null when nothing is).</summary>
    public DateTimeOffset? DataAsOf { get; init; }

    public CinemaInfo Cinema(string cinemaId) =>
        CinemaDetails.FirstOrDefault(c => c.CinemaId == cinemaId) ?? new CinemaInfo(cinemaId, null, null, 0, 0, null, null);

    /// <summary>The last date with data in the given cinemas (all when none is given).</summary>
    public DateOnly? LastDateOf(IReadOnlyList<string> cinemas) =>
        cinemas.Count == 0 ? LastDate : CinemaDetails.Where(c => cinemas.Contains(c.CinemaId)).Max(c => c.LastDate) ?? LastDate;
}

/// <summary>
/// A cinema as the data describes it. There is no cinemas reference table, so its name is its code
/// and its region is the place of its time zone (<c>Europe/London</c> → London).
/// </summary>
public sealed record CinemaInfo(string CinemaId, string? TimeZone, string? Currency, int Screens, long Seats, DateOnly? FirstDate, DateOnly? LastDate)
{
    /// <summary>The name from the cinemas reference file (dim_cinema); null when it has none for this cinema.</summary>
    public string? ReferenceName { get; init; }

    /// <summary>The region from the cinemas reference file; null when it has none.</summary>
    public string? ReferenceRegion { get; init; }

    /// <summary>The reference file's name, else the id the data uses.</summary>
    public string Name => ReferenceName ?? CinemaId;

    /// <summary>The reference file's region, else the city of the time zone (Europe/London: London).</summary>
    public string? Region => ReferenceRegion
        ?? (TimeZone is { } tz && tz.LastIndexOf('/') is var i and >= 0 ? tz[(i + 1)..].Replace('_', ' ') : TimeZone);

    /// <summary>How pickers and headings name the cinema: "Name (ID)" when the reference file names it, else the id.</summary>
    public string Label => ReferenceName is { } name ? $"{name} ({CinemaId})" : CinemaId;
}

/// <summary>Sessions of one cinema on one business date (the coverage strip: a day without a row has no data).</summary>
public sealed record CoverageDay(string CinemaId, DateOnly BusinessDate, long Sessions);

public sealed record FilmOption(string FilmKey, string Title);
