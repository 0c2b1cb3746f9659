using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Tests.Pos;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>
/// Hand-made cases through the real engine: a refund, a void and comps (the worked example), a
/// cancelled session with sales, a show at 01:00, a film that skips a week, a remake, an unknown
/// film, a second currency, a POS line in another currency, a show in the hour clocks skip, and
/// concessions sold at the counter without a session (also on days and at a cinema without sessions).
/// </summary>
public sealed class MartCaseTests : IDisposable
{
    private const string Dune = "dune part two|2024-03-01";
    private const string KingKong2005 = "king kong|2005-12-14";
    private const string Paddington = "unmatched|Paddington";
    private const string Batman = "unmatched|The Batman";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-marts-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => PipelineHarness.Ct;

    private const string Catalogue = """
        Title,Release Date,Distributor,Major Genre
        Dune: Part Two,Mar 01 2024,Warner Bros.,Adventure
        King Kong,Mar 07 1933,RKO,Adventure
        King Kong,Dec 14 2005,Universal,Action
        The Godfather,Mar 24 1972,Paramount,Drama

        """;

    private const string Sessions = MartCaseFiles.SessionsHeader + """
        S1,C1,1,100,F1,Dune: Part Two (OV),2026-03-06 19:30,2026-03-06,OPEN,Europe/London,GBP
        S2,C1,2,50,F1,DUNE: PART TWO 3D,2026-03-06 14:00,2026-03-06,CANCELLED,Europe/London,GBP
        S3,C1,1,100,F1,Dune: Part Two - 2D,2026-03-07 01:00,2026-03-06,OPEN,Europe/London,GBP
        S4,C1,2,50,F2,King Kong,2026-03-07 21:15,2026-03-07,OPEN,Europe/London,GBP
        S5,C1,1,100,F3,Paddington 3D,2026-03-08 11:00,2026-03-08,OPEN,Europe/London,gbp
        S6,C1,1,100,F1,Dune: Part Two,2026-03-20 18:00,2026-03-20,OPEN,Europe/London,GBP
        S7,C2,1,80,F1,Dune: Part Two - 2D,2026-03-06 20:00,2026-03-06,OPEN,Europe/Berlin,EUR
        S8,C1,2,,F2,King Kong,2026-03-28 23:30,2026-03-28,OPEN,Europe/London,GBP
        S9,C1,1,100,F1,Dune: Part Two,2026-03-29 01:30,2026-03-28,OPEN,Europe/London,GBP
        S10,C1,1,100,F1,Dune: Part Two,2026-03-29 00:30,2026-03-28,OPEN,Europe/London,GBP
        S11,C1,2,50,F4,The Batman (OV),2026-03-08 20:00,2026-03-08,OPEN,Europe/London,GBP

        """;

    private static readonly string Pos = MartCaseFiles.WorkedExample() + string.Join("\n",
        MartCaseFiles.Line("T6", 1, "S2", "2026-03-06", "TICKET", "ADULT", 3, "8.00"),
        MartCaseFiles.Line("T7", 1, "S3", "2026-03-06", "TICKET", "ADULT", 2, "10.00"),
        MartCaseFiles.Line("T8", 1, "S3", "2026-03-06", "TICKET", "ADULT", 1, "10.00", currency: "USD"),
        MartCaseFiles.Line("T9", 1, "S4", "2026-03-07", "TICKET", "MEMBER", 4, "9.00", discount: "2.00"),
        MartCaseFiles.Line("T10", 1, "S5", "2026-03-08", "TICKET", "CHILD", 2, "6.00"),
        MartCaseFiles.Line("T11", 1, "S6", "2026-03-20", "TICKET", "ADULT", 5, "10.00"),
        MartCaseFiles.Line("T12", 1, "S7", "2026-03-06", "TICKET", "ADULT", 3, "11.50", currency: "EUR"),
        MartCaseFiles.Line("T13", 1, "S8", "2026-03-28", "TICKET", "ADULT", 2, "10.00"),
        MartCaseFiles.Line("T14", 1, "S10", "2026-03-28", "TICKET", "ADULT", 1, "10.00"),
        MartCaseFiles.Line("T15", 1, "S11", "2026-03-08", "TICKET", "STUDENT", 2, "7.50"),
        MartCaseFiles.Line("T16", 1, null, "2026-03-06", "CONCESSION", null, 3, "4.50"),
        MartCaseFiles.Line("T17", 1, null, "2026-03-06", "CONCESSION", null, 10, "5.00", status: "VOID"),
        MartCaseFiles.Line("T18", 1, null, "2026-03-09", "CONCESSION", null, 1, "4.00"),
        MartCaseFiles.Line("T19", 1, null, "2026-03-07", "CONCESSION", null, 2, "3.00", currency: "EUR", cinema: "C3"),
        "{not json") + "\n";

    [Fact]
    public async Task Every_KPI_from_the_marts_equals_the_raw_files_and_each_rule_shows()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var files = new MartCaseFiles(h);
        await files.PutAsync("films", Catalogue, ".csv");
        await files.PutAsync("sessions", Sessions, ".csv");
        await files.PutAsync("pos_transactions", Pos, ".jsonl");

        var run = await h.ReconcileAsync();
        Assert.True(run!.Status == RunRecord.Succeeded, string.Join("\n", run.Log?.Lines ?? []));

        var raw = files.Raw();
        foreach (var (key, source, _) in files.Uploaded)
        {
            var ledger = (await h.Ledger.GetAsync(key, Ct))!;
            Assert.Equal(ledger.RowsIn, ledger.RowsOut + ledger.RowsQuarantined);
            if (source != "films")
            {
                Assert.Equal(raw.Files[key.ToString()], (ledger.RowsIn, ledger.RowsQuarantined));
            }
        }
        var distributors = (await h.QueryAsync("dim_film", "SELECT film_key, distributor FROM t"))
            .ToDictionary(r => r[..r.LastIndexOf('|')], r => r[(r.LastIndexOf('|') + 1)..]);
        Assert.Equal("Universal", distributors[KingKong2005]);
        var filmOf = new Dictionary<string, string> { ["F1"] = Dune, ["F2"] = KingKong2005, ["F3"] = Paddington, ["F4"] = Batman };
        await MartKpiQueries.AssertMatchAsync(h, new ExpectedKpis(raw, s => filmOf[s.FilmCode!], k => distributors.GetValueOrDefault(k, "Unknown")));

        // A show at 01:00 is a late show of the day before; a title that matched nothing, or only a word of a film's title (below the threshold), keeps its cleaned title.
        Assert.Equal(["S11|evening|7|2026-03-06||The Batman|Unknown", "S3|late|5|2026-03-06|dune part two|2024-03-01|100", "S5|matinee|7|2026-03-06||Paddington|Unknown"], await h.QueryAsync("fact_session",
            "SELECT session_id, day_part, iso_weekday, CAST(film_week AS VARCHAR), COALESCE(film_key, ''), CASE WHEN film_key IS NULL THEN film_title || '|' || distributor ELSE CAST(film_match_confidence AS VARCHAR) END FROM t WHERE session_id IN ('S3', 'S5', 'S11') ORDER BY 1"));
        // The cancelled session's sales count, its seats do not; the USD line on a GBP session adds an admission but no money.
        Assert.Equal(["3|1|200|34|33400"], await h.QueryAsync("mart_cinema_day",
            "SELECT sessions, cancelled_sessions, capacity, occupancy_adm, gbo_minor FROM t WHERE cinema_id = 'C1' AND business_date = DATE '2026-03-06'"));
        // Week 3 follows a week without a show: no previous week, no week-on-week change.
        Assert.Equal(["1|", "3|", "4|5000"], await h.QueryAsync("mart_film_week",
            $"SELECT week_number, previous_week_gbo_minor FROM ({Core.Tables.KpiSql.FilmRuns()}) r WHERE film_key = '{Dune}' AND currency = 'GBP' ORDER BY film_week"));
        Assert.Equal([KingKong2005, Paddington, Batman], await h.QueryAsync("mart_film_week", $"SELECT DISTINCT film_key FROM t WHERE film_key <> '{Dune}' ORDER BY 1"));
        var checks = (await h.States.ListAsync("mart_film_week", Ct)).SelectMany(s => s.Checks).ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));

        // Counter sales count in the cinema-day's concessions (the void one does not), and a day or cinema with counter sales but no session still has a row.
        Assert.True(raw.CounterSales > 0);
        Assert.Equal(["C1|2026-03-06|GBP|3|37|2540", "C1|2026-03-09|GBP|0|0|400", "C3|2026-03-07|EUR|0|0|600"], await h.QueryAsync("mart_cinema_day",
            "SELECT cinema_id, CAST(business_date AS VARCHAR), currency, sessions, adm, concessions_minor FROM t WHERE business_date IN (DATE '2026-03-06', DATE '2026-03-09') AND cinema_id = 'C1' OR cinema_id = 'C3' ORDER BY 1, 2"));
        // fact_session keeps the per-session roll-up: only the concession naming S1 is there.
        Assert.Equal(["S1|1190"], await h.QueryAsync("fact_session", "SELECT session_id, concessions_minor FROM t WHERE concessions_minor <> 0"));
        foreach (var day in await h.States.ListAsync("mart_cinema_day", Ct))
        {
            Assert.Equal(["concessions_match_fact_ticket_line", "totals_match_fact_session"], day.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.All(day.Checks, c => Assert.True(c.Passed, c.Detail));
        }
    }

    [Fact]
    public async Task A_new_POS_file_with_counter_sales_rebuilds_mart_cinema_day_without_a_stale_scan()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var files = new MartCaseFiles(h);
        await files.PutAsync("films", Catalogue, ".csv");
        await files.PutAsync("sessions", Sessions, ".csv");
        await files.PutAsync("pos_transactions", MartCaseFiles.WorkedExample(), ".jsonl");
        await h.ReconcileAsync();
        const string Day = "SELECT sessions, concessions_minor FROM t WHERE cinema_id = 'C1' AND business_date = DATE '2026-03-06' AND currency = 'GBP'";
        Assert.Equal(["3|1190"], await h.QueryAsync("mart_cinema_day", Day));

        await files.PutAsync("pos_transactions", MartCaseFiles.Line("T20", 1, null, "2026-03-06", "CONCESSION", null, 2, "2.50") + "\n", ".jsonl");
        await h.Worker.ReconcileOnceAsync(scanAllDates: false, Ct);

        Assert.Equal(["3|1690"], await h.QueryAsync("mart_cinema_day", Day));
        Assert.Equal(["S1|1190"], await h.QueryAsync("fact_session", "SELECT session_id, concessions_minor FROM t WHERE concessions_minor <> 0"));
    }

    [Fact]
    public async Task A_new_film_catalogue_re_matches_fact_session_and_the_marts_without_a_stale_scan()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var files = new MartCaseFiles(h);
        await files.PutAsync("films", Catalogue, ".csv");
        await files.PutAsync("sessions", Sessions, ".csv");
        await h.ReconcileAsync();
        Assert.Equal(["|Unknown"], await h.QueryAsync("fact_session", "SELECT COALESCE(film_key, ''), distributor FROM t WHERE session_id = 'S5'"));
        const string UnknownFilms = "SELECT films FROM t WHERE distributor = 'Unknown' AND currency = 'GBP' AND film_week = DATE '2026-03-06'";
        Assert.Equal(["2"], await h.QueryAsync("mart_distributor_week", UnknownFilms)); // Paddington and The Batman

        await files.PutAsync("films", "Title,Release Date,Distributor,Major Genre\nPaddington,Nov 28 2014,StudioCanal,Comedy\n", ".csv");
        await h.Worker.ReconcileOnceAsync(scanAllDates: false, Ct);

        Assert.Equal(["paddington|2014-11-28|100|Paddington|StudioCanal|Comedy"], await h.QueryAsync("fact_session",
            "SELECT film_key, film_match_confidence, film_title, distributor, genre FROM t WHERE session_id = 'S5'"));
        Assert.Equal(["paddington|2014-11-28|StudioCanal"], await h.QueryAsync("mart_film_week", "SELECT film_key, distributor FROM t WHERE film_title = 'Paddington'"));
        Assert.Equal(["1"], await h.QueryAsync("mart_distributor_week", UnknownFilms));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
