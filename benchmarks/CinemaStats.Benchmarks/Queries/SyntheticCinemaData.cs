using System.Diagnostics;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>
/// A deterministic synthetic year of cinema data at scale, published with the pinned schemas and
/// partition states exactly as the transform publishes them: fact_session and fact_ticket_line per
/// business date (each session's admissions and GBO are the roll-up of its ticket lines), dim_film,
/// dim_screen and the four marts.
/// </summary>
public sealed class SyntheticCinemaData(int sessions, int ticketLines, int days, int cinemas, int seed = 20240105)
{
    public static readonly DateOnly FirstDay = new(2024, 1, 5); // a Friday: film weeks start on Fridays

    private const int ScreensPerCinema = 8;
    private const int Films = 300;
    private static readonly string[] Genres = ["Action", "Adventure", "Comedy", "Drama", "Horror", "Animation", "Thriller"];
    private static readonly string[] Distributors = ["Disney", "Warner Bros.", "Universal", "Sony", "Paramount", "Lionsgate", "A24", "Unknown"];
    private static readonly string[] TicketTypes = ["ADULT", "ADULT", "ADULT", "CHILD", "SENIOR", "STUDENT", "MEMBER", "COMP"];

    public long TicketLinesWritten { get; private set; }

    public static string CinemaId(int cinema) => $"C{cinema + 1:000}";

    public static string FilmKey(int film) => $"synthetic film {film:000}|2023-{film % 12 + 1:00}-15";

    private readonly Random _random = new(seed);
    private readonly MartAccumulator _marts = new();
    private int?[]? _capacities;
    private int _daysPublished;

    /// <summary>Publishes the whole history: every day, the dimensions and the marts.</summary>
    public Task PublishAsync(IObjectStore store, TextWriter log, CancellationToken cancellationToken) =>
        PublishDaysAsync(store, days, log, cancellationToken);

    /// <summary>
    /// Publishes the next <paramref name="count"/> days (after those already published, to any
    /// store; past <c>days</c> each has the average day's sessions), then the dimensions and the
    /// marts of every day so far.
    /// </summary>
    public async Task PublishDaysAsync(IObjectStore store, int count, TextWriter log, CancellationToken cancellationToken)
    {
        var publisher = new PartitionPublisher(store, TimeProvider.System);
        var capacities = _capacities ??= Enumerable.Range(0, cinemas * ScreensPerCinema)
            .Select(i => (int?)(i % 97 == 13 ? 0 : i % 89 == 7 ? null : 80 + _random.Next(0, 321))).ToArray();
        var timer = Stopwatch.StartNew();
        for (var n = 1; n <= count; n++)
        {
            var day = _daysPublished++;
            var date = FirstDay.AddDays(day);
            var sessionsOfDay = sessions / days + (day < sessions % days ? 1 : 0);
            var (facts, lines) = Day(_random, date, day, sessionsOfDay, capacities, _marts);
            await publisher.PublishAsync(facts, date, cancellationToken);
            await publisher.PublishAsync(lines, date, cancellationToken);
            TicketLinesWritten += lines.RowCount;
            if (n % 30 == 0)
            {
                log.WriteLine($"  {n} days published ({timer.Elapsed.TotalSeconds:0} s)");
            }
        }
        await publisher.PublishAsync(DimFilm(), null, cancellationToken);
        await publisher.PublishAsync(_marts.DimScreen(capacities), null, cancellationToken);
        await publisher.PublishAsync(_marts.CinemaDay(), null, cancellationToken);
        await publisher.PublishAsync(_marts.DaypartWeekday(), null, cancellationToken);
        await publisher.PublishAsync(_marts.FilmWeek(), null, cancellationToken);
        await publisher.PublishAsync(_marts.DistributorWeek(), null, cancellationToken);
    }

    private (TableColumns Sessions, TableColumns Lines) Day(Random random, DateOnly date, int day, int count, int?[] capacities, MartAccumulator marts)
    {
        var averageLines = (double)ticketLines / sessions;
        var perSession = Enumerable.Range(0, count).Select(_ => random.Next(0, (int)(2 * averageLines) + 1)).ToArray();
        var s = TableColumns.Create(CuratedTables.FactSession, count);
        var t = TableColumns.Create(CuratedTables.FactTicketLine, perSession.Sum());
        var line = 0;
        for (var i = 0; i < count; i++)
        {
            var cinema = i % cinemas;
            var screen = i / cinemas % ScreensPerCinema;
            var currency = cinema % 4 == 3 ? "EUR" : "GBP";
            var film = (int)(Films * Math.Pow(random.NextDouble(), 3));
            var matched = random.Next(100) >= 3;
            var hour = 10 + random.Next(0, 14);
            var local = date.ToDateTime(new TimeOnly(hour, random.Next(0, 4) * 15));
            var cancelled = random.Next(100) < 2;
            var sessionId = $"S{day:000}-{i:000000}";
            long adm = 0, paid = 0, gbo = 0;
            for (var k = 0; k < perSession[i]; k++, line++)
            {
                var type = TicketTypes[random.Next(TicketTypes.Length)];
                var price = type == "COMP" ? 0 : 800 + random.Next(0, 8) * 100;
                t.Get<string?>("transaction_id")[line] = $"T{day:000}-{i:000000}-{k:000}";
                t.Get<int?>("line_no")[line] = 1;
                t.Get<string?>("cinema_id")[line] = CinemaId(cinema);
                t.Get<string?>("terminal_id")[line] = $"K{random.Next(1, 6)}";
                t.Get<string?>("channel")[line] = random.Next(2) == 0 ? "POS" : "WWW";
                t.Get<DateTime?>("transaction_ts_utc")[line] = DateTime.SpecifyKind(local.AddMinutes(-random.Next(5, 600)), DateTimeKind.Utc);
                t.Get<string?>("line_type")[line] = "TICKET";
                t.Get<string?>("session_id")[line] = sessionId;
                t.Get<string?>("ticket_type")[line] = type;
                t.Get<int?>("quantity")[line] = 1;
                t.Get<long?>("unit_price_minor")[line] = price;
                t.Get<long?>("discount_minor")[line] = 0;
                t.Get<long?>("tax_minor")[line] = price / 6;
                t.Get<long?>("amount_minor")[line] = price;
                t.Get<string?>("currency")[line] = currency;
                t.Get<string?>("status")[line] = "COMPLETED";
                t.Get<bool?>("is_void")[line] = false;
                t.Get<bool?>("is_refund")[line] = false;
                t.Get<bool?>("is_comp")[line] = type == "COMP";
                t.Get<string?>("source_object")[line] = $"raw/pos_transactions/{date:yyyy/MM/dd}/synthetic.jsonl";
                t.Get<long?>("source_line")[line] = line + 1;
                t.Get<DateTime?>("source_received_at")[line] = DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(23, 0)), DateTimeKind.Utc);
                adm++;
                paid += type == "COMP" ? 0 : 1;
                gbo += price;
            }
            var concessions = adm * random.Next(0, 600);
            var title = matched ? $"Synthetic Film {film:000}" : $"UNMATCHED TITLE {film % 20}";
            var dayPart = hour < 17 ? "matinee" : hour < 21 ? "evening" : "late";
            var capacity = capacities[cinema * ScreensPerCinema + screen];
            var weekday = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            var filmWeek = date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));
            var genre = matched && film % 11 != 5 ? Genres[film % Genres.Length] : null;
            var distributor = matched ? Distributors[film % Distributors.Length] : "Unknown";
            s.Get<string?>("session_id")[i] = sessionId;
            s.Get<string?>("cinema_id")[i] = CinemaId(cinema);
            s.Get<string?>("screen_id")[i] = $"{screen + 1}";
            s.Get<string?>("film_code")[i] = $"V{film:0000}";
            s.Get<string?>("film_title_raw")[i] = title.ToUpperInvariant() + " 2D";
            s.Get<string?>("film_key")[i] = matched ? FilmKey(film) : null;
            s.Get<int?>("film_match_confidence")[i] = matched ? 95 : null;
            s.Get<string?>("film_title")[i] = title;
            s.Get<string?>("genre")[i] = genre;
            s.Get<string?>("distributor")[i] = distributor;
            s.Get<DateTime?>("showtime_local")[i] = local;
            s.Get<DateTime?>("showtime_utc")[i] = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            s.Get<string?>("format")[i] = random.Next(5) == 0 ? "3D" : "2D";
            s.Get<string?>("language")[i] = "OV";
            s.Get<string?>("price_group")[i] = "STANDARD";
            s.Get<string?>("status")[i] = cancelled ? "CANCELLED" : "OPEN";
            s.Get<string?>("day_part")[i] = dayPart;
            s.Get<int?>("iso_weekday")[i] = weekday;
            s.Get<DateOnly?>("film_week")[i] = filmWeek;
            s.Get<string?>("cinema_tz")[i] = currency == "EUR" ? "Europe/Paris" : "Europe/London";
            s.Get<string?>("currency")[i] = currency;
            s.Get<int?>("capacity")[i] = capacity;
            s.Get<long?>("adm")[i] = adm;
            s.Get<long?>("paid_adm")[i] = paid;
            s.Get<long?>("gbo_minor")[i] = gbo;
            s.Get<long?>("concessions_minor")[i] = concessions;
            s.Get<string?>("source_object")[i] = $"raw/sessions/{date:yyyy/MM/dd}/synthetic.csv";
            marts.Add(new MartAccumulator.Session(CinemaId(cinema), screen, date, weekday, filmWeek, dayPart, currency,
                matched ? FilmKey(film) : "unmatched|" + title, title, genre, distributor, cancelled, capacity, adm, paid, gbo, concessions));
        }
        return (s, t);
    }

    private static TableColumns DimFilm()
    {
        var t = TableColumns.Create(CuratedTables.DimFilm, Films);
        for (var film = 0; film < Films; film++)
        {
            var matchedGenre = film % 11 != 5 ? Genres[film % Genres.Length] : null;
            t.Get<string?>("film_key")[film] = FilmKey(film);
            t.Get<string?>("title")[film] = $"Synthetic Film {film:000}";
            t.Get<string?>("title_raw")[film] = $"Synthetic Film {film:000}";
            t.Get<DateOnly?>("release_date")[film] = new DateOnly(2023, film % 12 + 1, 15);
            t.Get<bool?>("release_year_corrected")[film] = false;
            t.Get<string?>("mpaa_rating")[film] = "PG-13";
            t.Get<int?>("running_time_min")[film] = 90 + film % 60;
            t.Get<string?>("distributor")[film] = Distributors[film % Distributors.Length];
            t.Get<string?>("genre")[film] = matchedGenre;
            t.Get<string?>("cleaning_flags")[film] = "";
            t.Get<string?>("source_object")[film] = "raw/films/synthetic.json";
        }
        return t;
    }
}
