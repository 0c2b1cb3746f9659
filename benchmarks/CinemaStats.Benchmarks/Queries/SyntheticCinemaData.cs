using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>
/// A deterministic synthetic history of cinema data at scale, written straight into the store as the
/// staging assets would have written it (one stg_sessions and one stg_pos_transactions file per
/// business date, each session's ticket lines in transaction order) plus a raw film catalogue, then
/// published by the transform's engine in one run: every curated table, mart and dimension is what
/// the worker itself builds from it.
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

    public DateOnly LastDay => FirstDay.AddDays(days - 1);

    /// <summary>The dim_film key the catalogue's film gets (normalized title and release date).</summary>
    public static string FilmKey(int film) => $"synthetic film {film:000}|2023-{film % 12 + 1:00}-15";

    /// <summary>Writes the staged history and the film catalogue, then runs the engine once over them; returns that run.</summary>
    public async Task<RunRecord> PublishAsync(IObjectStore store, TextWriter log, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var capacities = Enumerable.Range(0, cinemas * ScreensPerCinema).Select(i => (int?)(i % 97 == 13 ? 0 : i % 89 == 7 ? null : 80 + random.Next(0, 321))).ToArray();
        var timer = Stopwatch.StartNew();
        for (var day = 0; day < days; day++)
        {
            var date = FirstDay.AddDays(day);
            var count = sessions / days + (day < sessions % days ? 1 : 0);
            var (staged, lines) = Day(random, date, day, count, capacities);
            var upload = $"synthetic{date:yyyyMMdd}";
            await StagingFiles.WriteAsync(store, PipelineKey.Staging(StagingTables.StgSessions.Name, date, upload), staged, cancellationToken);
            await StagingFiles.WriteAsync(store, PipelineKey.Staging(StagingTables.StgPosTransactions.Name, date, upload), lines, cancellationToken);
            TicketLinesWritten += lines.RowCount;
            if (day % 60 == 59)
            {
                log.WriteLine($"  {day + 1} days staged ({timer.Elapsed.TotalSeconds:0} s)");
            }
        }
        var films = new RawObjectKey("films", FirstDay, "syntheticfilms", ".json");
        await store.PutAsync(films.ToString(), new MemoryStream(FilmCatalogue()), cancellationToken: cancellationToken);
        log.WriteLine($"  staged in {timer.Elapsed.TotalSeconds:0} s; publishing every asset ...");
        var run = await Runner(store).RunAsync(new RunRequest("history", [films], [], ScanAllDates: true), cancellationToken);
        var failed = run.Partitions.Where(p => p.Status != AssetPartitionState.Materialized).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"Publishing the history left {failed.Count} partitions unpublished, first {failed[0].Asset} {failed[0].Partition}: {failed[0].Error}");
        }
        log.WriteLine($"  {run.Partitions.Count} partitions published in {timer.Elapsed.TotalSeconds:0} s in all");
        return run;
    }

    /// <summary>The transform's engine over <paramref name="store"/> with every asset the worker runs.</summary>
    public static PipelineRunner Runner(IObjectStore store)
    {
        var options = Options.Create(new TransformOptions());
        return new PipelineRunner(store, new AssetGraph(AssetRegistry.Create()), new RawObjectLedger(store), new AssetPartitionStates(store),
            new RunHistory(store, options, TimeProvider.System), options, TimeProvider.System, NullLogger<PipelineRunner>.Instance);
    }

    /// <summary>One business date's staged sessions and their ticket lines (transaction ids increase, as a POS export lists them).</summary>
    private (TableColumns Sessions, TableColumns Lines) Day(Random random, DateOnly date, int day, int count, int?[] capacities)
    {
        var averageLines = (double)ticketLines / sessions;
        var perSession = Enumerable.Range(0, count).Select(_ => random.Next(0, (int)(2 * averageLines) + 1)).ToArray();
        var s = TableColumns.Create(StagingTables.StgSessions, count);
        var t = TableColumns.Create(StagingTables.StgPosTransactions, perSession.Sum());
        var received = DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(23, 0)), DateTimeKind.Utc);
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
                t.Get<string?>("source_object")[line] = $"raw/pos_transactions/ingest_date={date:yyyy-MM-dd}/synthetic{date:yyyyMMdd}.jsonl";
                t.Get<long?>("source_line")[line] = line + 1;
                t.Get<DateTime?>("source_received_at")[line] = received;
            }
            var title = matched ? $"Synthetic Film {film:000}" : $"UNMATCHED TITLE {film % 20}";
            var capacity = capacities[cinema * ScreensPerCinema + screen];
            s.Get<string?>("session_id")[i] = sessionId;
            s.Get<string?>("cinema_id")[i] = CinemaId(cinema);
            s.Get<string?>("screen_id")[i] = $"{screen + 1}";
            s.Get<string?>("film_code")[i] = $"V{film:0000}";
            s.Get<string?>("film_title_raw")[i] = title.ToUpperInvariant() + " 2D";
            s.Get<DateTime?>("showtime_local")[i] = local;
            s.Get<DateTime?>("showtime_utc")[i] = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            s.Get<string?>("format")[i] = random.Next(5) == 0 ? "3D" : "2D";
            s.Get<string?>("language")[i] = "OV";
            s.Get<string?>("price_group")[i] = "STANDARD";
            s.Get<string?>("status")[i] = cancelled ? "CANCELLED" : "OPEN";
            s.Get<string?>("cinema_tz")[i] = currency == "EUR" ? "Europe/Paris" : "Europe/London";
            s.Get<string?>("currency")[i] = currency;
            s.Get<int?>("capacity")[i] = capacity;
            s.Get<string?>("source_object")[i] = $"raw/sessions/ingest_date={date:yyyy-MM-dd}/synthetic{date:yyyyMMdd}.csv";
            s.Get<long?>("source_line")[i] = i + 2;
            s.Get<DateTime?>("source_received_at")[i] = received;
        }
        return (s, t);
    }

    /// <summary>The catalogue as the films source sends it (a JSON array in the public film table's layout).</summary>
    private static byte[] FilmCatalogue() =>
        JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, Films).Select(film => new Dictionary<string, object?>
        {
            ["Title"] = $"Synthetic Film {film:000}",
            ["Release Date"] = new DateOnly(2023, film % 12 + 1, 15).ToString("MMM dd yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["MPAA Rating"] = "PG-13",
            ["Running Time min"] = 90 + film % 60,
            ["Distributor"] = Distributors[film % Distributors.Length],
            ["Major Genre"] = film % 11 != 5 ? Genres[film % Genres.Length] : null,
        }));
}
