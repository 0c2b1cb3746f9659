namespace CinemaStats.Web.Dashboard;

/// <summary>
/// One line or set of bars of a chart: a value per label, null where there is no value (a line
/// breaks there instead of joining its neighbours), and the unit its tooltips name.
/// </summary>
public sealed record AxisSeries(string Name, IReadOnlyList<double?> Values, string Unit = "");

/// <summary>Builds chart series on a continuous date axis: every date of the range, missing dates as gaps.</summary>
public static class DateAxis
{
    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays)];

    public static IReadOnlyList<string> Labels(IEnumerable<DateOnly> dates) => [.. dates.Select(Numbers.Date)];

    /// <summary>The value of each date of <paramref name="dates"/> shifted back by <paramref name="offsetDays"/>, null where <paramref name="values"/> has none.</summary>
    public static IReadOnlyList<double?> Values(IReadOnlyList<DateOnly> dates, IReadOnlyDictionary<DateOnly, double> values, int offsetDays = 0) =>
        [.. dates.Select(d => values.TryGetValue(d.AddDays(-offsetDays), out var v) ? v : (double?)null)];
}
