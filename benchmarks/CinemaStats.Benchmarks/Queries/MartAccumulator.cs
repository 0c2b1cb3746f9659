using CinemaStats.Core.Tables;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>Sums the synthetic sessions into dim_screen and the four marts as they are generated, so no session is kept.</summary>
public sealed class MartAccumulator
{
    public sealed record Session(
        string CinemaId, int Screen, DateOnly Date, int IsoWeekday, DateOnly FilmWeek, string DayPart, string Currency,
        string FilmKey, string FilmTitle, string? Genre, string Distributor, bool Cancelled, int? Capacity, long Adm, long PaidAdm, long Gbo, long Concessions)
    {
        public bool CountsForOccupancy => !Cancelled && Capacity > 0;
    }

    private sealed class Sums
    {
        public long Sessions, Cancelled, WithAdm, Capacity, OccupancyAdm, Adm, PaidAdm, Gbo, Concessions, WeekendGbo;
        public readonly HashSet<string> Cinemas = [];
        public readonly HashSet<string> Screens = [];
        public readonly HashSet<string> Films = [];
        public Session? First;
        public DateOnly Last;

        public void Add(Session s)
        {
            First ??= s;
            Last = s.Date;
            Sessions++;
            Cancelled += s.Cancelled ? 1 : 0;
            WithAdm += s.Adm > 0 ? 1 : 0;
            Capacity += s.CountsForOccupancy ? s.Capacity!.Value : 0;
            OccupancyAdm += s.CountsForOccupancy ? s.Adm : 0;
            Adm += s.Adm;
            PaidAdm += s.PaidAdm;
            Gbo += s.Gbo;
            Concessions += s.Concessions;
            WeekendGbo += s.Date.DayNumber - s.FilmWeek.DayNumber <= 2 ? s.Gbo : 0;
        }
    }

    private readonly Dictionary<(string, DateOnly, string), Sums> _cinemaDay = [];
    private readonly Dictionary<(string, DateOnly, string, string), Sums> _daypart = [];
    private readonly Dictionary<(string, DateOnly, string), Sums> _filmWeek = [];
    private readonly Dictionary<(string, DateOnly, string), Sums> _distributorWeek = [];
    private readonly Dictionary<(string, int), Sums> _screens = [];

    public void Add(Session s)
    {
        var day = Sum(_cinemaDay, (s.CinemaId, s.Date, s.Currency));
        day.Add(s);
        day.Screens.Add(s.CinemaId + "/" + s.Screen);
        Sum(_daypart, (s.CinemaId, s.Date, s.DayPart, s.Currency)).Add(s);
        var week = Sum(_filmWeek, (s.FilmKey, s.FilmWeek, s.Currency));
        week.Add(s);
        week.Cinemas.Add(s.CinemaId);
        week.Screens.Add(s.CinemaId + "/" + s.Screen);
        var distributor = Sum(_distributorWeek, (s.Distributor, s.FilmWeek, s.Currency));
        distributor.Add(s);
        distributor.Films.Add(s.FilmKey);
        Sum(_screens, (s.CinemaId, s.Screen)).Add(s);
    }

    private static Sums Sum<TKey>(Dictionary<TKey, Sums> sums, TKey key) where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new Sums();
        }
        return sum;
    }

    public TableColumns DimScreen(int?[] capacities)
    {
        var rows = _screens.ToList();
        var t = TableColumns.Create(CuratedTables.DimScreen, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var ((cinema, screen), sums) = rows[i];
            t.Get<string?>("cinema_id")[i] = cinema;
            t.Get<string?>("screen_id")[i] = $"{screen + 1}";
            t.Get<int?>("capacity")[i] = capacities[(int.Parse(cinema[1..]) - 1) * 8 + screen];
            t.Get<string?>("cinema_tz")[i] = sums.First!.Currency == "EUR" ? "Europe/Paris" : "Europe/London";
            t.Get<string?>("currency")[i] = sums.First.Currency;
            t.Get<DateOnly?>("first_business_date")[i] = sums.First.Date;
            t.Get<DateOnly?>("last_business_date")[i] = sums.Last;
            t.Get<long?>("sessions")[i] = sums.Sessions;
        }
        return t;
    }

    public TableColumns CinemaDay()
    {
        var rows = _cinemaDay.ToList();
        var t = TableColumns.Create(CuratedTables.MartCinemaDay, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var ((cinema, date, currency), s) = rows[i];
            t.Get<string?>("cinema_id")[i] = cinema;
            t.Get<DateOnly?>("business_date")[i] = date;
            t.Get<string?>("currency")[i] = currency;
            t.Get<long?>("sessions")[i] = s.Sessions;
            t.Get<long?>("cancelled_sessions")[i] = s.Cancelled;
            t.Get<long?>("sessions_with_adm")[i] = s.WithAdm;
            t.Get<int?>("screens")[i] = s.Screens.Count;
            t.Get<long?>("capacity")[i] = s.Capacity;
            t.Get<long?>("occupancy_adm")[i] = s.OccupancyAdm;
            t.Get<long?>("adm")[i] = s.Adm;
            t.Get<long?>("paid_adm")[i] = s.PaidAdm;
            t.Get<long?>("gbo_minor")[i] = s.Gbo;
            t.Get<long?>("concessions_minor")[i] = s.Concessions;
        }
        return t;
    }

    public TableColumns DaypartWeekday()
    {
        var rows = _daypart.ToList();
        var t = TableColumns.Create(CuratedTables.MartDaypartWeekday, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var ((cinema, date, dayPart, currency), s) = rows[i];
            t.Get<string?>("cinema_id")[i] = cinema;
            t.Get<DateOnly?>("business_date")[i] = date;
            t.Get<int?>("iso_weekday")[i] = s.First!.IsoWeekday;
            t.Get<string?>("day_part")[i] = dayPart;
            t.Get<string?>("currency")[i] = currency;
            t.Get<long?>("sessions")[i] = s.Sessions;
            t.Get<long?>("capacity")[i] = s.Capacity;
            t.Get<long?>("occupancy_adm")[i] = s.OccupancyAdm;
            t.Get<long?>("adm")[i] = s.Adm;
            t.Get<long?>("gbo_minor")[i] = s.Gbo;
        }
        return t;
    }

    public TableColumns FilmWeek()
    {
        var rows = _filmWeek.OrderBy(r => r.Key.Item1, StringComparer.Ordinal).ThenBy(r => r.Key.Item3, StringComparer.Ordinal).ThenBy(r => r.Key.Item2).ToList();
        var firstWeek = rows.GroupBy(r => r.Key.Item1).ToDictionary(g => g.Key, g => g.Min(r => r.Key.Item2));
        var t = TableColumns.Create(CuratedTables.MartFilmWeek, rows.Count);
        long cumulative = 0, opening = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var ((film, week, currency), s) = rows[i];
            var first = firstWeek[film];
            var startsSeries = i == 0 || rows[i - 1].Key.Item1 != film || rows[i - 1].Key.Item3 != currency;
            cumulative = startsSeries ? s.Gbo : cumulative + s.Gbo;
            opening = startsSeries ? (week == first ? s.WeekendGbo : 0) : opening;
            long? previous = week == first ? null : _filmWeek.TryGetValue((film, week.AddDays(-7), currency), out var p) ? p.Gbo : 0;
            t.Get<string?>("film_key")[i] = film;
            t.Get<string?>("film_title")[i] = s.First!.FilmTitle;
            t.Get<string?>("distributor")[i] = s.First.Distributor;
            t.Get<string?>("genre")[i] = s.First.Genre;
            t.Get<DateOnly?>("film_week")[i] = week;
            t.Get<int?>("week_number")[i] = (week.DayNumber - first.DayNumber) / 7 + 1;
            t.Get<string?>("currency")[i] = currency;
            t.Get<long?>("sessions")[i] = s.Sessions;
            t.Get<int?>("cinemas")[i] = s.Cinemas.Count;
            t.Get<int?>("screens")[i] = s.Screens.Count;
            t.Get<long?>("adm")[i] = s.Adm;
            t.Get<long?>("paid_adm")[i] = s.PaidAdm;
            t.Get<long?>("gbo_minor")[i] = s.Gbo;
            t.Get<long?>("previous_week_gbo_minor")[i] = previous;
            t.Get<long?>("cumulative_gbo_minor")[i] = cumulative;
            t.Get<long?>("opening_weekend_gbo_minor")[i] = opening;
        }
        return t;
    }

    public TableColumns DistributorWeek()
    {
        var rows = _distributorWeek.ToList();
        var t = TableColumns.Create(CuratedTables.MartDistributorWeek, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var ((distributor, week, currency), s) = rows[i];
            t.Get<string?>("distributor")[i] = distributor;
            t.Get<DateOnly?>("film_week")[i] = week;
            t.Get<string?>("currency")[i] = currency;
            t.Get<int?>("films")[i] = s.Films.Count;
            t.Get<long?>("adm")[i] = s.Adm;
            t.Get<long?>("gbo_minor")[i] = s.Gbo;
        }
        return t;
    }
}
