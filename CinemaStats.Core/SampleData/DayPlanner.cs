using System.Globalization;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// Programmes a cinema-day and sets each session's demand. Screens run back-to-back shows from late
/// morning (earlier at weekends) to about 23:00, and past midnight on Friday and Saturday nights.
/// Each show goes to a film drawn by its pull, so a film loses shows as well as seats week on week.
/// </summary>
internal static class DayPlanner
{
    /// <summary>Average occupancy of an evening show of a film of pull 1 on an ordinary day.</summary>
    private const double BaseOccupancy = 0.3;

    private const int MinutesOfAdsAndTrailers = 20;

    public static DayPlan Plan(GenerationContext context, int cinemaIndex, int dayIndex)
    {
        var cinema = context.Cinemas[cinemaIndex];
        var date = context.Options.StartDate.AddDays(dayIndex);
        var random = SeedMixer.Stream(context.Options.Seed, RandomStream.DayPlan, cinemaIndex, dayIndex);
        var playing = context.Catalogue.PlayingOn(date);
        var matineePulls = playing.Select(p => p.Pull * (p.Film.IsFamily ? 1.5 : 0.8)).ToList();
        var eveningPulls = playing.Select(p => p.Pull * (p.Film.IsFamily ? 0.5 : 1.1)).ToList();
        var latePulls = playing.Select(p => p.Pull * (p.Film.IsFamily ? 0.1 : 1.1)).ToList();
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var lateNight = date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;

        var drafts = new List<(PlannedSession Session, int ScreenOrder)>();
        for (var s = 0; s < cinema.Screens.Count; s++)
        {
            var screen = cinema.Screens[s];
            var minute = weekend ? 600 + 15 * random.Next(0, 9) : 720 + 15 * random.Next(0, 13);
            var lastStart = lateNight ? 24 * 60 + 15 * random.Next(0, 4) : 22 * 60 + 30 + 15 * random.Next(0, 4);
            while (minute <= lastStart && playing.Count > 0)
            {
                var (film, pull) = playing[random.Weighted(minute < 17 * 60 ? matineePulls : minute < 20 * 60 ? eveningPulls : latePulls)];
                var show = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
                var format = screen.Format == "IMAX" ? "IMAX" : film.Suits3D && random.Chance(0.25) ? "3D" : "2D";
                var language = cinema.SpeaksEnglish || random.Chance(0.3) ? "OV" : "DUB";
                var priceGroup = PriceGroupOf(date, minute);
                var cancelled = random.Chance(0.01);
                var occupancy = BaseOccupancy * DayFactor(date.DayOfWeek) * DayPartFactor(minute, weekend, film.IsFamily)
                    * Math.Pow(pull, 0.8) * Math.Exp(0.35 * random.Normal());
                var admissions = cancelled ? 0 : (int)Math.Clamp(Math.Round(screen.Capacity * occupancy), 0, screen.Capacity);
                drafts.Add((new PlannedSession("", screen, film, show, LocalClock.Instant(show, cinema.TimeZone), format, language, priceGroup, cancelled, admissions), s));

                var turnaround = film.RunningMinutes + MinutesOfAdsAndTrailers + random.Next(15, 31);
                minute += (turnaround + 4) / 5 * 5;
            }
        }

        var prefix = $"{cinema.Id}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-";
        var sessions = drafts
            .OrderBy(d => d.Session.ShowLocal)
            .ThenBy(d => d.ScreenOrder)
            .Select((d, i) => d.Session with { Id = prefix + (i + 1).ToString("000", CultureInfo.InvariantCulture) })
            .ToList();
        return new DayPlan(cinema, date, sessions);
    }

    /// <summary>Saturday is the busiest day, Monday the quietest; Tuesday is discount day.</summary>
    private static double DayFactor(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 0.6,
        DayOfWeek.Tuesday => 0.8,
        DayOfWeek.Wednesday => 0.65,
        DayOfWeek.Thursday => 0.7,
        DayOfWeek.Friday => 1.1,
        DayOfWeek.Saturday => 1.35,
        _ => 1.15,
    };

    /// <summary>Day-parts of docs/data-contract.md: matinee before 17:00, evening to 20:59, late from 21:00.</summary>
    private static double DayPartFactor(int minute, bool weekend, bool family) => minute switch
    {
        < 17 * 60 when family => weekend ? 1.0 : 0.45,
        < 17 * 60 => weekend ? 0.55 : 0.3,
        < 21 * 60 => family ? 0.8 : 1.0,
        < 24 * 60 => family ? 0.3 : 0.65,
        _ => 0.35,
    };

    private static string PriceGroupOf(DateOnly date, int minute) => minute switch
    {
        _ when date.DayOfWeek == DayOfWeek.Tuesday => PriceGroups.Discount,
        < 17 * 60 => PriceGroups.Matinee,
        < 21 * 60 => PriceGroups.Peak,
        _ => PriceGroups.Late,
    };
}
