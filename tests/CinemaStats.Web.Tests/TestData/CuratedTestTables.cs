using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Web.Tests.TestData;

/// <summary>
/// Publishes a hand-made data set as the transform would: fact_session per business date, the
/// dimensions, and the marts, their sums computed here with LINQ from the same session rows.
/// </summary>
public static class CuratedTestTables
{
    public static async Task PublishAllAsync(IObjectStore store, IReadOnlyList<SessionRow> sessions, CancellationToken cancellationToken)
    {
        var publisher = new PartitionPublisher(store, TimeProvider.System);
        foreach (var day in sessions.GroupBy(s => s.BusinessDate))
        {
            await publisher.PublishAsync(FactSession(day.ToList()), day.Key, cancellationToken);
        }
        await publisher.PublishAsync(DimFilm(CinemaData.Films), null, cancellationToken);
        await publisher.PublishAsync(DimScreen(sessions), null, cancellationToken);
        foreach (var day in sessions.GroupBy(s => s.BusinessDate))
        {
            await publisher.PublishAsync(MartCinemaDay([.. day]), day.Key, cancellationToken);
            await publisher.PublishAsync(MartDaypartWeekday([.. day]), day.Key, cancellationToken);
        }
        foreach (var week in sessions.GroupBy(s => s.FilmWeek))
        {
            await publisher.PublishAsync(MartFilmWeek([.. week]), week.Key, cancellationToken);
        }
    }

    public static TableColumns FactSession(IReadOnlyList<SessionRow> rows)
    {
        var t = TableColumns.Create(CuratedTables.FactSession, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            var local = s.BusinessDate.ToDateTime(new TimeOnly(s.DayPart switch { "matinee" => 14, "evening" => 19, _ => 22 }, 0));
            t.Get<string?>("session_id")[i] = s.SessionId;
            t.Get<string?>("cinema_id")[i] = s.CinemaId;
            t.Get<string?>("screen_id")[i] = s.ScreenId;
            t.Get<string?>("film_code")[i] = "F-" + s.FilmTitle;
            t.Get<string?>("film_title_raw")[i] = s.FilmTitle.ToUpperInvariant();
            t.Get<string?>("film_key")[i] = s.Film?.Key;
            t.Get<int?>("film_match_confidence")[i] = s.Film is null ? null : 100;
            t.Get<string?>("film_title")[i] = s.FilmTitle;
            t.Get<string?>("genre")[i] = s.Film?.Genre;
            t.Get<string?>("distributor")[i] = s.Distributor;
            t.Get<DateTime?>("showtime_local")[i] = local;
            t.Get<DateTime?>("showtime_utc")[i] = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            t.Get<string?>("status")[i] = s.Status;
            t.Get<string?>("day_part")[i] = s.DayPart;
            t.Get<int?>("iso_weekday")[i] = s.IsoWeekday;
            t.Get<DateOnly?>("film_week")[i] = s.FilmWeek;
            t.Get<string?>("cinema_tz")[i] = s.Currency == "EUR" ? "Europe/Paris" : "Europe/London";
            t.Get<string?>("currency")[i] = s.Currency;
            t.Get<int?>("capacity")[i] = s.Capacity;
            t.Get<long?>("adm")[i] = s.Adm;
            t.Get<long?>("paid_adm")[i] = s.PaidAdm;
            t.Get<long?>("gbo_minor")[i] = s.GboMinor;
            t.Get<long?>("concessions_minor")[i] = s.ConcessionsMinor;
            t.Get<string?>("source_object")[i] = "raw/sessions/test.csv";
        }
        return t;
    }

    public static TableColumns DimFilm(IReadOnlyList<Film> films)
    {
        var t = TableColumns.Create(CuratedTables.DimFilm, films.Count);
        for (var i = 0; i < films.Count; i++)
        {
            var f = films[i];
            t.Get<string?>("film_key")[i] = f.Key;
            t.Get<string?>("title")[i] = f.Title;
            t.Get<string?>("title_raw")[i] = f.Title;
            t.Get<DateOnly?>("release_date")[i] = f.ReleaseDate;
            t.Get<bool?>("release_year_corrected")[i] = false;
            t.Get<string?>("mpaa_rating")[i] = "PG";
            t.Get<int?>("running_time_min")[i] = 100 + i;
            t.Get<string?>("distributor")[i] = f.Distributor;
            t.Get<string?>("genre")[i] = f.Genre;
            t.Get<string?>("cleaning_flags")[i] = "";
            t.Get<string?>("source_object")[i] = "raw/films/test.json";
        }
        return t;
    }

    public static TableColumns DimScreen(IReadOnlyList<SessionRow> sessions)
    {
        var screens = sessions.GroupBy(s => (s.CinemaId, s.ScreenId)).ToList();
        var t = TableColumns.Create(CuratedTables.DimScreen, screens.Count);
        for (var i = 0; i < screens.Count; i++)
        {
            var g = screens[i];
            t.Get<string?>("cinema_id")[i] = g.Key.CinemaId;
            t.Get<string?>("screen_id")[i] = g.Key.ScreenId;
            t.Get<int?>("capacity")[i] = g.OrderBy(s => s.BusinessDate).LastOrDefault(s => s.Capacity is not null)?.Capacity;
            t.Get<string?>("cinema_tz")[i] = "Europe/London";
            t.Get<string?>("currency")[i] = g.First().Currency;
            t.Get<DateOnly?>("first_business_date")[i] = g.Min(s => s.BusinessDate);
            t.Get<DateOnly?>("last_business_date")[i] = g.Max(s => s.BusinessDate);
            t.Get<long?>("sessions")[i] = g.LongCount();
        }
        return t;
    }

    public static TableColumns MartCinemaDay(IReadOnlyList<SessionRow> sessions)
    {
        var groups = sessions.GroupBy(s => (s.CinemaId, s.BusinessDate, s.Currency)).ToList();
        var t = TableColumns.Create(CuratedTables.MartCinemaDay, groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            t.Get<string?>("cinema_id")[i] = g.Key.CinemaId;
            t.Get<string?>("currency")[i] = g.Key.Currency;
            t.Get<long?>("sessions")[i] = g.LongCount();
            t.Get<long?>("cancelled_sessions")[i] = g.LongCount(s => s.Status == "CANCELLED");
            t.Get<long?>("sessions_with_adm")[i] = g.LongCount(s => s.Adm > 0);
            t.Get<int?>("screens")[i] = g.Select(s => s.ScreenId).Distinct().Count();
            t.Get<long?>("capacity")[i] = g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value);
            t.Get<long?>("occupancy_adm")[i] = g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm);
            t.Get<long?>("adm")[i] = g.Sum(s => s.Adm);
            t.Get<long?>("paid_adm")[i] = g.Sum(s => s.PaidAdm);
            t.Get<long?>("gbo_minor")[i] = g.Sum(s => s.GboMinor);
            t.Get<long?>("concessions_minor")[i] = g.Sum(s => s.ConcessionsMinor);
        }
        return t;
    }

    public static TableColumns MartDaypartWeekday(IReadOnlyList<SessionRow> sessions)
    {
        var groups = sessions.GroupBy(s => (s.CinemaId, s.BusinessDate, s.DayPart, s.Currency)).ToList();
        var t = TableColumns.Create(CuratedTables.MartDaypartWeekday, groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            t.Get<string?>("cinema_id")[i] = g.Key.CinemaId;
            t.Get<int?>("iso_weekday")[i] = g.First().IsoWeekday;
            t.Get<string?>("day_part")[i] = g.Key.DayPart;
            t.Get<string?>("currency")[i] = g.Key.Currency;
            t.Get<long?>("sessions")[i] = g.LongCount();
            t.Get<long?>("capacity")[i] = g.Where(s => s.CountsForOccupancy).Sum(s => (long)s.Capacity!.Value);
            t.Get<long?>("occupancy_adm")[i] = g.Where(s => s.CountsForOccupancy).Sum(s => s.Adm);
            t.Get<long?>("adm")[i] = g.Sum(s => s.Adm);
            t.Get<long?>("gbo_minor")[i] = g.Sum(s => s.GboMinor);
        }
        return t;
    }

    /// <summary>One film week's rows (the sessions of that week).</summary>
    public static TableColumns MartFilmWeek(IReadOnlyList<SessionRow> sessions)
    {
        var weeks = sessions.GroupBy(s => (s.FilmKey, s.FilmWeek, s.Currency)).OrderBy(g => g.Key.FilmKey).ThenBy(g => g.Key.Currency).ToList();
        var t = TableColumns.Create(CuratedTables.MartFilmWeek, weeks.Count);
        for (var i = 0; i < weeks.Count; i++)
        {
            var g = weeks[i];
            t.Get<string?>("film_key")[i] = g.Key.FilmKey;
            t.Get<string?>("film_title")[i] = g.First().FilmTitle;
            t.Get<string?>("distributor")[i] = g.First().Distributor;
            t.Get<string?>("genre")[i] = g.First().Film?.Genre;
            t.Get<string?>("currency")[i] = g.Key.Currency;
            t.Get<long?>("sessions")[i] = g.LongCount();
            t.Get<int?>("cinemas")[i] = g.Select(s => s.CinemaId).Distinct().Count();
            t.Get<int?>("screens")[i] = g.Select(s => (s.CinemaId, s.ScreenId)).Distinct().Count();
            t.Get<long?>("adm")[i] = g.Sum(s => s.Adm);
            t.Get<long?>("paid_adm")[i] = g.Sum(s => s.PaidAdm);
            t.Get<long?>("gbo_minor")[i] = g.Sum(s => s.GboMinor);
            t.Get<long?>("weekend_gbo_minor")[i] = g.Where(s => s.BusinessDate <= g.Key.FilmWeek.AddDays(2)).Sum(s => s.GboMinor);
        }
        return t;
    }
}
