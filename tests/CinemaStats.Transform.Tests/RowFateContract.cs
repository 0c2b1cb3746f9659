using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Pos;
using CinemaStats.Transform.Tests.Pos;

namespace CinemaStats.Transform.Tests;

/// <summary>
/// Every row's fate is visible (docs/data-contract.md): for each source, duplicates and key conflicts
/// within a file are quarantined naming the line kept, what cleaning decided is flagged, a later file's
/// row that replaces an earlier one is recorded as a supersession, and the counts add up. Run on each
/// kind of storage.
/// </summary>
public abstract class RowFateContract
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>';'-separated, decimal commas: a copy, a conflict, clocks going back and forward, seats not whole.</summary>
    private const string Sessions =
        "session_id;cinema_id;screen_id;capacity;film_title_raw;showtime_local;cinema_tz;currency\n" +
        "S1;C1;1;120,00;Dune;2026-10-24 19:30;Europe/London;gbp\n" +
        "S2;C1;2;;Dune;2026-10-25 01:30;Europe/London;GBP\n" +
        "S1;C1;1;120,00;Dune;2026-10-24 19:30;Europe/London;gbp\n" +
        "S1;C1;3;120,00;Dune;2026-10-24 19:30;Europe/London;gbp\n" +
        "S3;C1;1;120,50;Dune;2026-10-24 21:00;Europe/London;GBP\n" +
        "S4;C1;1;80;Dune;2026-03-29 01:30;Europe/London;GBP\n";

    private static readonly string PosLines = string.Join("\n",
        Pos("T1", 1, "TICKET", 2, "2026-10-25T01:30:00", "S2"),
        Pos("T1", 2, "CONCESSION", 1, "2026-10-25T01:30:00", "S2"),
        Pos("T1", 1, "TICKET", 2, "2026-10-25T01:30:00", "S2"),
        Pos("T1", 2, "CONCESSION", 3, "2026-10-25T01:30:00", "S2"),
        Pos("T2", 1, "TICKET", 1, "2026-03-29T01:30:00", "S4"),
        Pos("T3", 1, "TICKET", 1, "2026-10-24T19:00:00", null)) + "\n";

    private const string Films =
        """{"Title":"Secret, The","Release Date":"Apr 27 2007","Distributor":"Sony/Columbia"}""" + "\n" +
        """{"Title":"Secret, The","Release Date":"Apr 27 2007","Distributor":"Sony/Columbia"}""" + "\n" +
        """{"Title":"The Secret","Release Date":"Apr 27 2007","Distributor":"Fox"}""" + "\n" +
        """{"Title":"Dune","Release Date":"Oct 22 2021","Distributor":"Warner Bros."}""" + "\n";

    protected abstract Task<IObjectStore> CreateStoreAsync();

    private static CancellationToken Ct => PipelineHarness.Ct;

    /// <summary>The worker's assets, POS local times read in London.</summary>
    private async Task<PipelineHarness> HarnessAsync() =>
        new(await CreateStoreAsync(), PipelineHarness.AllAssets().Select(a => a is StgPosTransactionsAsset ? new StgPosTransactionsAsset(_ => London) : a));

    [Fact]
    public async Task Sessions_a_copy_and_a_conflict_are_quarantined_naming_the_line_kept_and_kept_rows_carry_their_flags()
    {
        var h = await HarnessAsync();
        var raw = await h.PutRawAsync("sessions", ".csv", Sessions);

        await h.ReconcileAsync();

        var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
        Assert.Equal((6L, 2L, 4L), (ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Equal(Counts(("dst_gap", 1), ("duplicate", 1), ("invalid_capacity", 1), ("key_conflict", 1)), Sorted(ledger.QuarantinedByReason));
        Assert.Equal(Counts(("ambiguous_time_resolved", 1), ("capacity_missing", 1)), Sorted(ledger.FlaggedByFlag));
        Assert.Equal(
        [
            "4|duplicate|session_id|duplicate of line 2 (the same row again; line 2 is kept)",
            "5|key_conflict|session_id|key conflict with line 2: session_id S1 again with other values (the first row, line 2, is kept)",
            "6|invalid_capacity|capacity|'120,50' is not a whole number of seats",
            "7|dst_gap|showtime_local|2026-03-29 01:30 does not exist in Europe/London (clocks go forward)",
        ], await QuarantineAsync(h, raw));
        Assert.Equal(["S1|1|120||2026-10-24 18:30:00+00", "S2|2||ambiguous_time_resolved,capacity_missing|2026-10-25 01:30:00+00"],
            await h.QueryAsync("fact_session", "SELECT session_id, screen_id, capacity, flags, CAST(showtime_utc AS VARCHAR) FROM t ORDER BY 1"));
    }

    [Fact]
    public async Task Pos_lines_a_copy_and_a_conflict_are_quarantined_naming_the_line_kept_and_kept_lines_carry_their_flags()
    {
        var h = await HarnessAsync();
        var raw = await h.PutPosAsync(PosLines);

        await h.ReconcileAsync();

        var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
        Assert.Equal((6L, 3L, 3L), (ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Equal(Counts(("dst_gap", 1), ("duplicate", 1), ("key_conflict", 1)), Sorted(ledger.QuarantinedByReason));
        Assert.Equal(Counts(("ambiguous_time_resolved", 2), ("session_id_missing", 1)), Sorted(ledger.FlaggedByFlag));
        Assert.Equal(
        [
            "3|duplicate|transaction_id, line_no|duplicate of line 1 (the same row again; line 1 is kept)",
            "4|key_conflict|transaction_id, line_no|key conflict with line 2: transaction_id, line_no T1, 2 again with other values (the first row, line 2, is kept)",
            "5|dst_gap|transaction_ts|2026-03-29T01:30:00 does not exist in Europe/London (clocks go forward)",
        ], await QuarantineAsync(h, raw));
        Assert.Equal(["T1|1|2|1|ambiguous_time_resolved|2026-10-25 01:30:00+00", "T1|2|1|2|ambiguous_time_resolved|2026-10-25 01:30:00+00", "T3|1|1|6|session_id_missing|2026-10-24 18:00:00+00"],
            await h.QueryAsync("fact_ticket_line", "SELECT transaction_id, line_no, quantity, source_line, flags, CAST(transaction_ts_utc AS VARCHAR) FROM t ORDER BY 1, 2"));
    }

    [Fact]
    public async Task Films_a_copy_and_a_conflict_on_the_film_key_are_quarantined_naming_the_line_kept_and_kept_films_carry_their_flags()
    {
        var h = await HarnessAsync();
        var raw = await h.PutRawAsync("films", ".jsonl", Films);

        await h.ReconcileAsync();

        var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
        Assert.Equal((4L, 2L, 2L), (ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Equal(Counts(("duplicate", 1), ("key_conflict", 1)), Sorted(ledger.QuarantinedByReason));
        Assert.Equal(Counts(("distributor_alias", 1), ("title_article_moved", 1)), Sorted(ledger.FlaggedByFlag));
        Assert.Equal(
        [
            "2|duplicate|film_key|duplicate of line 1 (the same row again; line 1 is kept)",
            "3|key_conflict|film_key|key conflict with line 1: film_key secret the|2007-04-27 again with other values (the first row, line 1, is kept)",
        ], await QuarantineAsync(h, raw));
        Assert.Equal(["Dune|Warner Bros.|", "The Secret|Sony|title_article_moved,distributor_alias"],
            await h.QueryAsync("dim_film", "SELECT title, distributor, cleaning_flags FROM t ORDER BY 1"));
    }

    [Fact]
    public async Task A_JSON_array_sent_as_POS_JSON_Lines_fails_the_whole_file_with_the_reason_and_stages_nothing()
    {
        var h = await HarnessAsync();
        var raw = await h.PutRawAsync("pos_transactions", ".json", "[" + PosLines.TrimEnd().Replace("\n", ",\n", StringComparison.Ordinal) + "]\n");

        await h.ReconcileAsync();

        var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
        Assert.Equal((RawObjectStatus.Failed, PosTransactionsReader.NotJsonLines), (ledger.Status, ledger.Error));
        Assert.Empty(await h.KeysAsync(PipelineKey.StagingPrefix("stg_pos_transactions")));
        Assert.Null(await h.Store.HeadAsync(PipelineKey.Quarantine(raw.UploadId), Ct));
    }

    [Fact]
    public async Task A_later_files_rows_replace_an_earlier_ones_and_lineage_records_which_rows_of_which_upload_for_every_source()
    {
        var h = await HarnessAsync();
        var sessions = await h.PutRawAsync("sessions", ".csv", Sessions);
        var pos = await h.PutPosAsync(PosLines);
        var films = await h.PutRawAsync("films", ".jsonl", Films);
        await h.ReconcileAsync();
        await Task.Delay(1100, Ct); // received later
        var sessionsAgain = await h.PutRawAsync("sessions", ".csv", "session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\nS1,C1,4,90,Dune,2026-10-24 19:30,Europe/London,GBP\n");
        var posAgain = await h.PutPosAsync(PosLines.Replace("\"quantity\":2", "\"quantity\":5", StringComparison.Ordinal));
        var filmsAgain = await h.PutRawAsync("films", ".jsonl", """{"Title":"Dune","Release Date":"Oct 22 2021","Distributor":"Warner Bros. Pictures"}""" + "\n");

        await h.ReconcileAsync();

        Assert.Equal(["S1|4|90", "S2|2|"], await h.QueryAsync("fact_session", "SELECT session_id, screen_id, capacity FROM t ORDER BY 1"));
        Assert.Equal(["T1|1|5", "T1|2|1", "T3|1|1"], await h.QueryAsync("fact_ticket_line", "SELECT transaction_id, line_no, quantity FROM t ORDER BY 1, 2"));
        Assert.Equal(
        [
            $"fact_session|2026-10-24|{sessionsAgain}|{sessions}|1|2",
            $"fact_ticket_line|2026-10-24|{posAgain}|{pos}|3|1-2,6",
        ], (await new Supersessions(h.Store).OfUploadAsync(sessions.UploadId, Ct)).Concat(await new Supersessions(h.Store).OfUploadAsync(pos.UploadId, Ct)).Select(Text));
        Assert.Equal([$"dim_film|all|{filmsAgain}|{films}|1|4"], (await new Supersessions(h.Store).OfUploadAsync(filmsAgain.UploadId, Ct)).Select(Text));
        var state = (await h.States.GetAsync("fact_session", "2026-10-24", Ct))!.Value.State;
        Assert.Equal((3L, 2L, 1L), (state.RowsIn, state.RowsOut, state.RowsQuarantined));
    }

    [Fact]
    public async Task No_row_is_lost_unseen_every_row_in_is_out_or_quarantined_and_every_row_out_is_published_or_superseded()
    {
        var h = await HarnessAsync();
        var first = new[]
        {
            await h.PutRawAsync("sessions", ".csv", Sessions),
            await h.PutPosAsync(PosLines),
            await h.PutRawAsync("films", ".jsonl", Films),
        };
        await h.ReconcileAsync();
        await Task.Delay(1100, Ct);
        var second = new[]
        {
            await h.PutRawAsync("sessions", ".csv", Sessions.Replace("S2;C1;2", "S2;C1;5", StringComparison.Ordinal)),
            await h.PutPosAsync(PosLines),
            await h.PutRawAsync("films", ".jsonl", Films.Replace("Sony/Columbia", "Sony/TriStar", StringComparison.Ordinal)),
        };
        await h.ReconcileAsync();

        var supersessions = new List<Supersession>();
        foreach (var raw in first)
        {
            supersessions.AddRange(await new Supersessions(h.Store).OfUploadAsync(raw.UploadId, Ct));
        }
        foreach (var raw in first.Concat(second))
        {
            var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
            Assert.Equal(RawObjectStatus.Processed, ledger.Status);
            Assert.Equal(ledger.RowsIn, ledger.RowsOut + ledger.RowsQuarantined);
            Assert.Equal(ledger.RowsQuarantined, ledger.QuarantinedByReason.Values.Sum());
            Assert.Equal(ledger.RowsQuarantined, (await QuarantineAsync(h, raw)).Count);
        }
        foreach (var (source, table) in new[] { ("sessions", "fact_session"), ("pos_transactions", "fact_ticket_line"), ("films", "dim_film") })
        {
            long rowsOut = 0;
            foreach (var raw in first.Concat(second).Where(r => r.Source == source))
            {
                rowsOut += (await h.Ledger.GetAsync(raw, Ct))!.RowsOut;
            }
            var published = long.Parse((await h.QueryAsync(table, "SELECT COUNT(*) FROM t"))[0], System.Globalization.CultureInfo.InvariantCulture);
            var superseded = supersessions.Where(s => s.Asset == table).Sum(s => s.Rows);
            Assert.True(superseded > 0, $"{table}: the second files replace rows");
            Assert.Equal(rowsOut, published + superseded);
        }
    }

    private static string Text(Supersession s) => $"{s.Asset}|{s.Partition}|{s.Superseding}|{s.Superseded}|{s.Rows}|{s.Lines}";

    private static async Task<List<string>> QuarantineAsync(PipelineHarness h, RawObjectKey raw)
    {
        if (await h.Store.HeadAsync(PipelineKey.Quarantine(raw.UploadId), Ct) is null)
        {
            return [];
        }
        var text = await h.Store.ReadTextAsync(PipelineKey.Quarantine(raw.UploadId), Ct);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<QuarantinedRow>(line)!)
            .Select(r => $"{r.Line}|{r.Code}|{r.Field}|{r.Reason}")];
    }

    private static List<KeyValuePair<string, long>> Counts(params (string Key, long Count)[] counts) => [.. counts.Select(c => KeyValuePair.Create(c.Key, c.Count))];

    private static List<KeyValuePair<string, long>> Sorted(IReadOnlyDictionary<string, long> counts) => [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    private static string Pos(string transaction, int lineNo, string lineType, int quantity, string localTs, string? session) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["transaction_id"] = transaction, ["line_no"] = lineNo, ["cinema_id"] = "C1", ["channel"] = "POS", ["transaction_ts"] = localTs,
            ["line_type"] = lineType, ["session_id"] = session, ["ticket_type"] = lineType == "TICKET" ? "ADULT" : null,
            ["sku"] = lineType == "TICKET" ? null : "POPCORN-M", ["quantity"] = quantity, ["unit_price"] = "10,00", ["currency"] = "GBP",
        });
}

public sealed class RowFateOnFilesystemTests : RowFateContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-rowfate-" + Guid.NewGuid().ToString("N"));

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class RowFateOnS3EmulatorTests(S3Emulator emulator) : RowFateContract
{
    protected override async Task<IObjectStore> CreateStoreAsync() => await emulator.CreateStoreAsync();
}
