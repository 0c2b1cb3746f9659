using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>A quick range: its address-safe id, its label, and the dates it gives when the data ends on a given day.</summary>
public sealed record PeriodPreset(string Id, string Label, Func<DateOnly, (DateOnly From, DateOnly To)> Range);

/// <summary>
/// Film weeks, quick ranges and how a period and its comparison are named. Every quick range ends
/// on the last day with data for the selected cinemas (<see cref="FilterOptions.LastDateOf"/>).
/// </summary>
public static class Periods
{
    /// <summary>The Friday that starts the film week (Fri–Thu) of a date.</summary>
    public static DateOnly FilmWeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));

    public static IReadOnlyList<PeriodPreset> Presets { get; } =
    [
        new("this-week", "This film week", last => (FilmWeekOf(last), last)),
        new("last-week", "Last film week", last => (FilmWeekOf(last).AddDays(-7), FilmWeekOf(last).AddDays(-1))),
        new("last-weekend", "Last weekend", last => LastWeekend(last)),
        new("mtd", "Month to date", last => (new DateOnly(last.Year, last.Month, 1), last)),
        new("ytd", "Year to date", last => (new DateOnly(last.Year, 1, 1), last)),
        Days(7), Days(28), Days(91),
    ];

    /// <summary>The last complete Fri–Sun on or before <paramref name="last"/>.</summary>
    public static (DateOnly From, DateOnly To) LastWeekend(DateOnly last)
    {
        var sunday = last.AddDays(-(int)last.DayOfWeek);
        return (sunday.AddDays(-2), sunday);
    }

    /// <summary>A range with its weekdays: "Fri 2024-03-01 – Thu 2024-03-07", or the one date.</summary>
    public static string Name(DateOnly from, DateOnly to) => from == to ? Numbers.Date(from) : $"{Numbers.Date(from)} – {Numbers.Date(to)}";

    /// <summary>What the cards compare with, named: "previous 7 days (…)" or "same weekdays last year (…)".</summary>
    public static string ComparisonName(DashboardFilter filter)
    {
        var c = filter.ComparisonPeriod();
        var kind = filter.Compare == Comparison.LastYear ? "same weekdays last year" : $"previous {filter.Days} {(filter.Days == 1 ? "day" : "days")}";
        return $"{kind} ({Name(c.From, c.To)})";
    }

    private static PeriodPreset Days(int days) => new(days.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Last {days} days", last => (last.AddDays(1 - days), last));
}
