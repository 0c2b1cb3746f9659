using System.Globalization;

namespace CinemaStats.Transform.Engine;

/// <summary>How an asset's output is divided.</summary>
public enum Partitioning
{
    /// <summary>One output for the whole asset.</summary>
    None,

    /// <summary>One partition per raw object of the upstream source (staging assets).</summary>
    RawObject,

    /// <summary>One partition per business date.</summary>
    BusinessDate,

    /// <summary>One partition per film week (Friday to Thursday), named by its Friday.</summary>
    FilmWeek,

    /// <summary>One partition per calendar month, named by its first day.</summary>
    Month,
}

/// <summary>
/// The calendar of the partitions that hold dates: each is named by its first business date, and
/// the engine maps a changed date to the partition of every scheme that contains it.
/// </summary>
public static class PartitionCalendar
{
    /// <summary>The partition of <paramref name="scheme"/> that holds <paramref name="date"/>, by its first date.</summary>
    public static DateOnly StartOf(Partitioning scheme, DateOnly date) => scheme switch
    {
        Partitioning.BusinessDate => date,
        Partitioning.FilmWeek => FilmWeekOf(date),
        Partitioning.Month => new DateOnly(date.Year, date.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "not a partitioning by date"),
    };

    /// <summary>The business dates of the partition that starts on <paramref name="start"/>.</summary>
    public static IEnumerable<DateOnly> DatesOf(Partitioning scheme, DateOnly start)
    {
        var days = scheme switch
        {
            Partitioning.BusinessDate => 1,
            Partitioning.FilmWeek => 7,
            Partitioning.Month => DateTime.DaysInMonth(start.Year, start.Month),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "not a partitioning by date"),
        };
        return Enumerable.Range(0, days).Select(start.AddDays);
    }

    /// <summary>The last business date of the partition that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(Partitioning scheme, DateOnly start) => DatesOf(scheme, start).Last();

    /// <summary>The Friday that starts the film week (Fri–Thu) of <paramref name="date"/>.</summary>
    public static DateOnly FilmWeekOf(DateOnly date) => date.AddDays(-((IsoWeekday(date) + 2) % 7));

    /// <summary>1 = Monday .. 7 = Sunday.</summary>
    public static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>A partition's name in states and logs: its first date.</summary>
    public static string Name(DateOnly start) => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string name, out DateOnly start) =>
        DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
}
