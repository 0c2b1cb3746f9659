namespace CinemaStats.Web.Queries.Dashboard;

/// <summary>What the period's figures are compared with.</summary>
public enum Comparison
{
    /// <summary>The equally long period just before.</summary>
    PreviousPeriod,

    /// <summary>The same weekdays a year earlier: 364 days (52 weeks) back, so a Friday is compared with a Friday.</summary>
    LastYear,
}

/// <summary>
/// What an analyst has selected: an inclusive business-date range and, for each dimension, the
/// values to keep (an empty list keeps everything). Films are dim_film keys (or the
/// <c>unmatched|…</c> keys of mart_film_week).
/// </summary>
public sealed record DashboardFilter(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Cinemas,
    IReadOnlyList<string> Films,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Distributors)
{
    /// <summary>Days back of the same weekday a year earlier.</summary>
    public const int DaysInComparableYear = 364;

    /// <summary>The earliest and latest dates a whole-run question asks for (every date the data can hold).</summary>
    public static readonly DateOnly FirstPossibleDate = new(1900, 1, 1), LastPossibleDate = new(9999, 12, 31);

    public Comparison Compare { get; init; } = Comparison.PreviousPeriod;

    public static DashboardFilter ForRange(DateOnly from, DateOnly to) => new(from, to, [], [], [], []);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same selection over the equally long period just before this one.</summary>
    public DashboardFilter PreviousPeriod() => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    /// <summary>The period the figures are compared with: the previous period, or the same weekdays 364 days back.</summary>
    public DashboardFilter ComparisonPeriod() => Compare == Comparison.LastYear
        ? this with { From = From.AddDays(-DaysInComparableYear), To = To.AddDays(-DaysInComparableYear) }
        : PreviousPeriod();

    /// <summary>How many days the comparison period lies before this one (a date plus this offset is its counterpart now).</summary>
    public int ComparisonOffsetDays => From.DayNumber - ComparisonPeriod().From.DayNumber;

    /// <summary>The same selection over every date: a film's whole run.</summary>
    public DashboardFilter AllDates() => this with { From = FirstPossibleDate, To = LastPossibleDate };

    /// <summary>Only the dates and cinemas (what the cinema-day marts can filter by).</summary>
    public DashboardFilter DatesAndCinemas() => this with { Films = [], Genres = [], Distributors = [] };
}
