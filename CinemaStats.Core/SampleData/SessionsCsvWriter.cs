using System.Globalization;
using System.Text;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// Writes one cinema-day of the <c>sessions</c> source as CSV: the canonical header and layout
/// when clean, and with the dirt docs/data-contract.md describes per row and per file when asked for.
/// </summary>
internal static class SessionsCsvWriter
{
    public static readonly string[] Header =
    [
        "session_id", "cinema_id", "screen_id", "capacity", "film_code", "film_title_raw", "showtime_local",
        "business_date", "format", "language", "price_group", "status", "cinema_tz", "currency",
    ];

    public static async Task WriteAsync(GenerationContext context, int cinemaIndex, int dayIndex, FileDirt fileDirt, Stream destination, CancellationToken cancellationToken)
    {
        var plan = DayPlanner.Plan(context, cinemaIndex, dayIndex);
        var rate = context.Options.DirtRate;
        var dirt = rate > 0 ? SeedMixer.Stream(context.Options.Seed, RandomStream.SessionsDirt, cinemaIndex, dayIndex) : null;
        var output = new Utf8Output(destination);
        var newLine = fileDirt.CrLf ? "\r\n" : "\n";
        var fields = new string[Header.Length];

        if (fileDirt.ByteOrderMark)
        {
            output.Write(Encoding.UTF8.Preamble);
        }
        var header = (string[])Header.Clone();
        if (fileDirt.HeaderAliases && dirt is not null)
        {
            header[0] = dirt.Pick("SessionId", "ID");
            header[6] = dirt.Pick("Showtime", "start_time", "showtime");
        }
        WriteRow(output, header, fileDirt.Delimiter, newLine);

        foreach (var session in plan.Sessions)
        {
            Fill(fields, plan, session, session.Cancelled ? "CANCELLED" : "OPEN");
            var duplicate = false;
            if (dirt is not null)
            {
                duplicate = dirt.Chance(rate);
                if (dirt.Chance(rate))
                {
                    fields[3] = dirt.Pick("0", "");
                }
                if (dirt.Chance(rate))
                {
                    fields[5] = dirt.Chance(0.5)
                        ? $"{session.Film.Title.ToUpperInvariant()} {session.Format} ({session.Language})"
                        : $"{session.Film.Title} - {session.Format}";
                }
                if (dirt.Chance(rate))
                {
                    fields[6] = session.ShowLocal.ToString(dirt.Pick("dd/MM/yyyy HH:mm", "yyyy-MM-ddTHH:mm:ss"), CultureInfo.InvariantCulture);
                }
                if (dirt.Chance(rate))
                {
                    fields[13] = fields[13].ToLowerInvariant();
                }
                if (dirt.Chance(rate) && session.Admissions > 0)
                {
                    fields[11] = "CANCELLED";
                }
            }
            WriteRow(output, fields, fileDirt.Delimiter, newLine);
            if (duplicate)
            {
                WriteRow(output, fields, fileDirt.Delimiter, newLine);
            }
            await output.DrainIfFullAsync(cancellationToken);
        }

        if (dirt is not null && LocalClock.ClockChangeAfter(plan.BusinessDate, plan.Cinema.TimeZone) is { } clockChange)
        {
            WriteClockChangeShows(output, plan, clockChange, dirt, rate, fields, fileDirt.Delimiter, newLine);
        }
        await output.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Shows that start in the hour a clock change skips or repeats, one per screen at the dirt rate:
    /// what a scheduling system does when it adds an hour to a late show without looking at the zone.
    /// </summary>
    private static void WriteClockChangeShows(Utf8Output output, DayPlan plan, DateTime showLocal, Random dirt, double rate, string[] fields, char delimiter, string newLine)
    {
        for (var s = 0; s < plan.Cinema.Screens.Count; s++)
        {
            var screen = plan.Cinema.Screens[s];
            var last = plan.Sessions.LastOrDefault(p => p.Screen == screen);
            if (!dirt.Chance(rate) || last is null)
            {
                continue;
            }
            var show = last with
            {
                Id = $"{plan.Cinema.Id}-{plan.BusinessDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{901 + s}",
                ShowLocal = showLocal,
                PriceGroup = PriceGroups.Late,
                Cancelled = false,
                Admissions = 0,
            };
            Fill(fields, plan, show, "OPEN");
            WriteRow(output, fields, delimiter, newLine);
        }
    }

    private static void Fill(string[] fields, DayPlan plan, PlannedSession session, string status)
    {
        fields[0] = session.Id;
        fields[1] = plan.Cinema.Id;
        fields[2] = session.Screen.Id;
        fields[3] = session.Screen.Capacity.ToString(CultureInfo.InvariantCulture);
        fields[4] = session.Film.Code;
        fields[5] = session.Film.Title;
        fields[6] = session.ShowLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        fields[7] = plan.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fields[8] = session.Format;
        fields[9] = session.Language;
        fields[10] = session.PriceGroup;
        fields[11] = status;
        fields[12] = plan.Cinema.TimeZoneId;
        fields[13] = plan.Cinema.Prices.Currency;
    }

    private static void WriteRow(Utf8Output output, string[] fields, char delimiter, string newLine)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                output.Write([delimiter]);
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny([delimiter, '"', '\r', '\n']) >= 0)
            {
                output.Write("\"");
                output.Write(field.Replace("\"", "\"\""));
                output.Write("\"");
            }
            else
            {
                output.Write(field);
            }
        }
        output.Write(newLine);
    }
}
