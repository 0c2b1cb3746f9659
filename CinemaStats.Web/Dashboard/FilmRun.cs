using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>A film's whole-run figures in one currency: cumulative GBO and the opening weekend, or why it is not known.</summary>
public sealed record RunTotals(string Currency, long Adm, long CumulativeGboMinor, long? OpeningWeekendGboMinor, string? OpeningWeekendUnknownBecause)
{
    public double? Legs => OpeningWeekendGboMinor is > 0 and var o ? (double)CumulativeGboMinor / o : null;
}

/// <summary>
/// A film's run in the selected cinemas, from its days: film weeks counted from the release date
/// (or the first screening when the catalogue has none), the opening weekend (Fri–Sun of week 1),
/// cumulative GBO, week on week and market share per currency. Only same-currency amounts are added.
/// </summary>
public sealed class FilmRun
{
    private FilmRun(DateOnly start, bool startIsRelease, IReadOnlyList<FilmDay> days, IReadOnlyList<FilmWeekKpis> weeks, IReadOnlyList<RunTotals> totals)
    {
        Start = start;
        StartIsRelease = startIsRelease;
        Days = days;
        Weeks = weeks;
        Totals = totals;
    }

    /// <summary>Day 1 of the run: the release date, else the first day with a screening.</summary>
    public DateOnly Start { get; }

    public bool StartIsRelease { get; }

    /// <summary>The Friday starting week 1.</summary>
    public DateOnly OpeningWeek => Periods.FilmWeekOf(Start);

    /// <summary>Fri–Sun of week 1.</summary>
    public (DateOnly From, DateOnly To) OpeningWeekend => (OpeningWeek, OpeningWeek.AddDays(2));

    public IReadOnlyList<FilmDay> Days { get; }

    public IReadOnlyList<FilmWeekKpis> Weeks { get; }

    /// <summary>Per currency, whole run in the selected cinemas.</summary>
    public IReadOnlyList<RunTotals> Totals { get; }

    public DateOnly? LastDay => Days.Count == 0 ? null : Days.Max(d => d.BusinessDate);

    /// <summary>Day N of the run (day 1 = <see cref="Start"/>).</summary>
    public int DayOfRun(DateOnly date) => date.DayNumber - Start.DayNumber + 1;

    public int WeekNumber(DateOnly filmWeek) => (filmWeek.DayNumber - OpeningWeek.DayNumber) / 7 + 1;

    public static async Task<FilmRun> LoadAsync(IDashboardQueries queries, string filmKey, FilmInfo? info, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var wholeRun = filter.AllDates() with { Films = [], Genres = [], Distributors = [] };
        var days = queries.FilmDaysAsync(filmKey, wholeRun, cancellationToken);
        var screens = queries.FilmWeekScreensAsync(filmKey, wholeRun, cancellationToken);
        await Task.WhenAll(days, screens);
        var dayRows = await days;
        IReadOnlyList<MarketWeek> market = [];
        if (dayRows.Count > 0)
        {
            var first = Periods.FilmWeekOf(dayRows.Min(d => d.BusinessDate));
            var last = Periods.FilmWeekOf(dayRows.Max(d => d.BusinessDate)).AddDays(6);
            market = await queries.MarketWeeksAsync(wholeRun with { From = first, To = last }, cancellationToken);
        }
        return Build(info?.ReleaseDate, dayRows, await screens, market);
    }

    public static FilmRun Build(DateOnly? releaseDate, IReadOnlyList<FilmDay> days, IReadOnlyList<FilmWeekScreens> screens, IReadOnlyList<MarketWeek> market)
    {
        var start = releaseDate ?? (days.Count == 0 ? DateOnly.FromDateTime(DateTime.UtcNow) : days.Min(d => d.BusinessDate));
        var openingWeek = Periods.FilmWeekOf(start);
        var weekendEnd = openingWeek.AddDays(2);
        var totals = new List<RunTotals>();
        foreach (var currency in days.GroupBy(d => d.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var firstDay = currency.Min(d => d.BusinessDate);
            var known = firstDay <= weekendEnd;
            totals.Add(new RunTotals(currency.Key, currency.Sum(d => d.Adm), currency.Sum(d => d.GboMinor),
                known ? currency.Where(d => d.BusinessDate >= openingWeek && d.BusinessDate <= weekendEnd).Sum(d => d.GboMinor) : null,
                known ? null : $"The data for {currency.Key} starts on {Numbers.Date(firstDay)}, after the opening weekend ({Periods.Name(openingWeek, weekendEnd)}): its takings are not known."));
        }
        var weeks = new List<FilmWeekKpis>();
        foreach (var currency in totals)
        {
            var byWeek = days.Where(d => d.Currency == currency.Currency).GroupBy(d => Periods.FilmWeekOf(d.BusinessDate)).ToDictionary(g => g.Key, g => g.ToList());
            var cumulative = 0L;
            foreach (var (week, weekDays) in byWeek.OrderBy(w => w.Key))
            {
                var gbo = weekDays.Sum(d => d.GboMinor);
                cumulative += gbo;
                var played = screens.FirstOrDefault(s => s.FilmWeek == week && s.Currency == currency.Currency);
                var before = byWeek.TryGetValue(week.AddDays(-7), out var previous) ? previous.Sum(d => d.GboMinor) : (long?)null;
                var marketGbo = market.Where(m => m.FilmWeek == week && m.Currency == currency.Currency).Select(m => (long?)m.GboMinor).FirstOrDefault();
                weeks.Add(new FilmWeekKpis(week, (week.DayNumber - openingWeek.DayNumber) / 7 + 1, currency.Currency, weekDays.Sum(d => d.Sessions),
                    played?.Cinemas ?? 0, played?.Screens ?? 0, weekDays.Sum(d => d.Adm), gbo, before, cumulative, currency.OpeningWeekendGboMinor, marketGbo));
            }
        }
        return new FilmRun(start, releaseDate is not null, days,
            [.. weeks.OrderBy(w => w.FilmWeek).ThenBy(w => w.Currency, StringComparer.Ordinal)], totals);
    }
}
