using System.Globalization;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>
/// Every KPI of docs/data-contract.md computed straight from <see cref="RawSales"/>, as text lines in the shape of
/// <see cref="MartKpiQueries"/>' answers. Ratios are Σ/Σ with six decimals, empty when undefined.
/// </summary>
internal sealed class ExpectedKpis(RawSales raw, Func<RawSession, string> filmOf, Func<string, string> distributorOf)
{
    private readonly IReadOnlyCollection<RawSession> _sessions = raw.Sessions.Values;

    /// <summary>Per cinema, business date and currency with a session or a concession sale; concessions count every concession line, counter sales included.</summary>
    public List<string> CinemaDays()
    {
        var byDay = _sessions.ToLookup(s => (s.Cinema, s.BusinessDate, s.Currency));
        return byDay.Select(g => g.Key).Union(raw.Concessions.Keys)
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ThenBy(k => k.Item3, StringComparer.Ordinal)
            .Select(k => (Key: k, Day: byDay[k]))
            .Select(d => Line(d.Key.Item1, Date(d.Key.Item2), d.Key.Item3, d.Day.Count(), d.Day.Count(s => s.Cancelled), d.Day.Count(s => s.Adm > 0),
                d.Day.Select(s => s.Screen).Distinct().Count(), d.Day.Sum(Capacity), d.Day.Sum(OccupancyAdm), d.Day.Sum(s => s.Adm), d.Day.Sum(s => s.Paid),
                d.Day.Sum(s => s.Gbo), raw.Concessions.GetValueOrDefault(d.Key)))
            .ToList();
    }

    /// <summary>Per currency: adm, paid adm, GBO, concessions (every concession line), occupancy, ATP (minor units), SPH (minor units), show utilisation.</summary>
    public List<string> CurrencyKpis()
    {
        var byCurrency = _sessions.ToLookup(s => s.Currency);
        var concessions = raw.Concessions.GroupBy(c => c.Key.Currency).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        return byCurrency.Select(g => g.Key).Union(concessions.Keys).Order(StringComparer.Ordinal)
            .Select(c => (Currency: c, All: byCurrency[c], Concessions: concessions.GetValueOrDefault(c)))
            .Select(g => Line(g.Currency, g.All.Sum(s => s.Adm), g.All.Sum(s => s.Paid), g.All.Sum(s => s.Gbo), g.Concessions,
                Ratio(g.All.Sum(OccupancyAdm), g.All.Sum(Capacity)), Ratio(g.All.Sum(s => s.Gbo), g.All.Sum(s => s.Paid)), Ratio(g.Concessions, g.All.Sum(s => s.Adm)),
                Ratio(g.All.Count(s => s.Adm > 0), g.All.Count())))
            .ToList();
    }

    /// <summary>Per film, currency and film week: counts, sales, previous week, cumulative, opening weekend, week-on-week, legs, screen average.</summary>
    public List<string> FilmWeeks()
    {
        var lines = new List<(string Film, string Currency, DateOnly Week, string Line)>();
        foreach (var run in _sessions.GroupBy(s => (Film: filmOf(s), s.Currency)))
        {
            var weeks = run.GroupBy(s => FilmWeek(s.BusinessDate)).ToDictionary(w => w.Key, w => w.ToList());
            var first = weeks.Keys.Min();
            var opening = weeks[first].Where(s => s.BusinessDate.DayNumber - first.DayNumber <= 2).Sum(s => s.Gbo);
            long cumulative = 0;
            foreach (var week in weeks.Keys.Order())
            {
                var w = weeks[week];
                var gbo = w.Sum(s => s.Gbo);
                cumulative += gbo;
                long? previous = weeks.TryGetValue(week.AddDays(-7), out var before) ? before.Sum(s => s.Gbo) : null;
                var screens = w.Select(s => (s.Cinema, s.Screen)).Distinct().Count();
                lines.Add((run.Key.Film, run.Key.Currency, week, Line(run.Key.Film, run.Key.Currency, Date(week), (week.DayNumber - first.DayNumber) / 7 + 1, w.Count,
                    w.Select(s => s.Cinema).Distinct().Count(), screens, w.Sum(s => s.Adm), w.Sum(s => s.Paid), gbo, previous, cumulative, opening,
                    previous > 0 ? Ratio(gbo - previous.Value, previous.Value) : "", Ratio(cumulative, opening), Ratio(gbo, screens))));
            }
        }
        return lines.OrderBy(l => l.Film, StringComparer.Ordinal).ThenBy(l => l.Currency, StringComparer.Ordinal).ThenBy(l => l.Week).Select(l => l.Line).ToList();
    }

    /// <summary>Per distributor and currency over all weeks: GBO, adm and share of the currency's GBO.</summary>
    public List<string> DistributorShares()
    {
        var totals = _sessions.GroupBy(s => s.Currency).ToDictionary(g => g.Key, g => g.Sum(s => s.Gbo));
        return _sessions
            .GroupBy(s => (Distributor: distributorOf(filmOf(s)), s.Currency))
            .OrderBy(g => g.Key.Currency, StringComparer.Ordinal).ThenBy(g => g.Key.Distributor, StringComparer.Ordinal)
            .Select(g => Line(g.Key.Distributor, g.Key.Currency, g.Sum(s => s.Gbo), g.Sum(s => s.Adm), Ratio(g.Sum(s => s.Gbo), totals[g.Key.Currency])))
            .ToList();
    }

    /// <summary>Per currency, ISO weekday of the business date and day-part of the local showtime.</summary>
    public List<string> DayParts() => _sessions
        .GroupBy(s => (s.Currency, Weekday: ((int)s.BusinessDate.DayOfWeek + 6) % 7 + 1, Part: DayPart(s.LocalHour)))
        .OrderBy(g => g.Key.Currency, StringComparer.Ordinal).ThenBy(g => g.Key.Weekday).ThenBy(g => g.Key.Part, StringComparer.Ordinal)
        .Select(g => Line(g.Key.Currency, g.Key.Weekday, g.Key.Part, g.Count(), g.Sum(Capacity), g.Sum(OccupancyAdm), g.Sum(s => s.Adm), g.Sum(s => s.Gbo),
            Ratio(g.Sum(OccupancyAdm), g.Sum(Capacity))))
        .ToList();

    /// <summary>Per cinema and screen: sessions, first and last business date, currency, the largest capacity given.</summary>
    public List<string> Screens() => _sessions
        .GroupBy(s => (s.Cinema, s.Screen))
        .OrderBy(g => g.Key.Cinema, StringComparer.Ordinal).ThenBy(g => g.Key.Screen, StringComparer.Ordinal)
        .Select(g => Line(g.Key.Cinema, g.Key.Screen, g.Count(), Date(g.Min(s => s.BusinessDate)), Date(g.Max(s => s.BusinessDate)), g.First().Currency,
            g.Where(s => s.Capacity > 0).Select(s => s.Capacity).Max()))
        .ToList();

    private static long Capacity(RawSession s) => !s.Cancelled && s.Capacity > 0 ? s.Capacity.Value : 0;

    private static long OccupancyAdm(RawSession s) => !s.Cancelled && s.Capacity > 0 ? s.Adm : 0;

    private static string DayPart(int hour) => hour < 6 || hour >= 21 ? "late" : hour < 17 ? "matinee" : "evening";

    private static DateOnly FilmWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Ratio(long numerator, long denominator) =>
        denominator > 0 ? ((double)numerator / denominator).ToString("F6", CultureInfo.InvariantCulture) : "";

    private static string Line(params object?[] values) => string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""));
}
