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

/// <summary>A film's week (mart_film_week) with the film page's KPIs.</summary>
public sealed record FilmWeekKpis(
    DateOnly FilmWeek, int WeekNumber, string Currency, long Sessions, int Cinemas, int Screens, long Adm, long GboMinor,
    long? PreviousWeekGboMinor, long CumulativeGboMinor, long OpeningWeekendGboMinor)
{
    /// <summary>(Gn − Gn−1) / Gn−1; null when Gn−1 ≤ 0 or there is no previous week.</summary>
    public double? WeekOnWeek => PreviousWeekGboMinor is > 0 and var p ? (double)(GboMinor - p) / p : null;
    public double? Legs => OpeningWeekendGboMinor > 0 ? (double)CumulativeGboMinor / OpeningWeekendGboMinor : null;
    public double? ScreenAverageMinor => Screens > 0 ? (double)GboMinor / Screens : null;
}

public sealed record FilmInfo(string FilmKey, string Title, string Distributor, string? Genre, DateOnly? ReleaseDate, string? MpaaRating, int? RunningTimeMin);

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
    IReadOnlyList<string> Cinemas, IReadOnlyList<FilmOption> Films, IReadOnlyList<string> Genres, IReadOnlyList<string> Distributors);

public sealed record FilmOption(string FilmKey, string Title);
