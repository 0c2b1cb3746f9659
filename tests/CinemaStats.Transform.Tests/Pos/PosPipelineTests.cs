using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Assets;

namespace CinemaStats.Transform.Tests.Pos;

/// <summary>POS lines through the real engine on a file-system store: staging, fact_ticket_line and the roll-up into fact_session.</summary>
public sealed class PosPipelineTests : IDisposable
{
    private const string Sessions = "session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n" +
                                    "S1,C1,1,100,Dune,2026-03-06 19:30,Europe/London,GBP\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-pos-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => PipelineHarness.Ct;

    /// <summary>The worked example of docs/data-contract.md, with a voided sale and booking fees that must not count.</summary>
    private static readonly string WorkedExample = string.Join("\n",
        Line("T1", 1, "TICKET", "ADULT", 30, "10.00", "0.00"),
        Line("T1", 2, "FEE", null, 30, "0.75", "0.00", sku: "BOOKING-FEE"),
        Line("T2", 1, "TICKET", "ADULT", -1, "10.00", "0.00", original: "T1"),
        Line("T3", 1, "TICKET", "COMP", 2, "0.00", "0.00"),
        Line("T4", 1, "TICKET", "ADULT", 5, "10.00", "0.00", status: "VOID"),
        Line("T5", 1, "CONCESSION", null, 2, "5,95", "0.00", sku: "POPCORN-M")) + "\n";

    [Fact]
    public async Task The_worked_example_gives_adm_31_paid_29_GBO_290_occupancy_031_and_ATP_10()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root), PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        var pos = await h.PutPosAsync(WorkedExample);

        await h.ReconcileAsync();

        var ledger = await h.Ledger.GetAsync(pos, Ct);
        Assert.Equal((RawObjectStatus.Processed, 6L, 6L, 0L), (ledger!.Status, ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Equal(["S1|31|29|29000|1190"], await h.QueryAsync("fact_session", "SELECT session_id, adm, paid_adm, gbo_minor, concessions_minor FROM t"));
        var kpis = await h.QueryAsync("fact_session", """
            SELECT CAST(SUM(adm) AS DOUBLE) / SUM(capacity),
                   CAST(SUM(gbo_minor) AS DOUBLE) / 100 / NULLIF(SUM(paid_adm), 0)
            FROM t
            WHERE status <> 'CANCELLED' AND capacity > 0
            """);
        Assert.Equal(["0.31|10"], kpis);
        Assert.Equal(["6|1|1|1"], await h.QueryAsync("fact_ticket_line",
            "SELECT COUNT(*), SUM(CAST(is_void AS INT)), SUM(CAST(is_refund AS INT)), SUM(CAST(is_comp AS INT)) FROM t WHERE business_date = DATE '2026-03-06'"));
    }

    [Fact]
    public async Task A_re_sent_file_keeps_one_row_per_line_counts_the_rest_as_dropped_and_leaves_the_sales_unchanged()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root), PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        await h.PutPosAsync(WorkedExample);
        await h.ReconcileAsync();
        await Task.Delay(1100, Ct); // the copy is received later
        var copy = await h.PutPosAsync(WorkedExample);

        await h.ReconcileAsync();

        var lines = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State;
        Assert.Equal((12L, 6L, 6L), (lines.RowsIn, lines.RowsOut, lines.RowsQuarantined)); // RowsQuarantined holds the dropped count
        Assert.All(lines.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal([copy.ToString()], await h.QueryAsync("fact_ticket_line", "SELECT DISTINCT source_object FROM t"));
        Assert.Equal(["S1|31|29|29000"], await h.QueryAsync("fact_session", "SELECT session_id, adm, paid_adm, gbo_minor FROM t"));
    }

    [Fact]
    public async Task One_file_in_key_order_is_published_as_it_was_staged_with_its_checks_run_and_its_lineage()
    {
        var store = new CopyRecordingStore(new FileSystemObjectStore(_root));
        var h = new PipelineHarness(store, PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        var pos = await h.PutPosAsync(WorkedExample + Line("T6", 1, "TICKET", "ADULT", 1, "10.00", "0.00", session: null) + "\n");

        await h.ReconcileAsync();

        var state = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State;
        var staged = PipelineKey.Staging("stg_pos_transactions", new DateOnly(2026, 3, 6), pos.UploadId);
        Assert.Equal([(staged, Assert.Single(state.Files))], store.Copies); // published by one copy, not decoded and written again
        Assert.DoesNotContain(staged, store.Reads); // what the checks need, staging summed as it wrote the file
        Assert.Equal(await BytesAsync(h, staged), await BytesAsync(h, state.Files[0]));
        Assert.Equal((7L, 7L, 0L), (state.RowsIn, state.RowsOut, state.RowsQuarantined));
        Assert.Equal(["currency_is_iso_code", "ticket_lines_have_session", "transaction_line_unique"], state.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains("1 ticket lines without session_id", Assert.Single(state.Checks, c => !c.Passed).Detail);
        Assert.Equal([$"T5|1|6|{pos}|", $"T6|1|7|{pos}|session_id_missing"], await h.QueryAsync("fact_ticket_line",
            "SELECT transaction_id, line_no, source_line, source_object, flags FROM t WHERE transaction_id >= 'T5' ORDER BY 1"));
    }

    [Fact]
    public async Task Lines_of_one_file_out_of_key_order_are_published_by_one_copy_a_repeated_key_quarantined_the_first_line_kept()
    {
        var store = new CopyRecordingStore(new FileSystemObjectStore(_root));
        var h = new PipelineHarness(store, PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        await h.PutPosAsync(string.Join("\n",
            Line("T2", 1, "TICKET", "ADULT", 1, "10.00", "0.00"),
            Line("T1", 1, "TICKET", "ADULT", 1, "10.00", "0.00"),
            Line("T1", 1, "TICKET", "ADULT", 3, "10.00", "0.00"),
            Line("T1", 2, "CONCESSION", null, 1, "5.00", "0.00", sku: "POPCORN-M")) + "\n");

        await h.ReconcileAsync();

        var state = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State;
        Assert.Equal((3L, 3L, 0L), (state.RowsIn, state.RowsOut, state.RowsQuarantined));
        // Staging refused the repeated key, so the date's one staging file is the partition, in the file's order.
        Assert.Single(store.Copies);
        Assert.All(state.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(["T1|1|1|2", "T1|2|1|4", "T2|1|1|1"], await h.QueryAsync("fact_ticket_line",
            "SELECT transaction_id, line_no, quantity, source_line FROM t ORDER BY 1, 2"));
        Assert.Equal(["S1|2"], await h.QueryAsync("fact_session", "SELECT session_id, adm FROM t"));
    }

    [Fact]
    public async Task A_staging_file_of_another_layout_is_rewritten_not_copied()
    {
        var store = new CopyRecordingStore(new FileSystemObjectStore(_root));
        var h = new PipelineHarness(store, PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        var pos = await h.PutPosAsync(WorkedExample);
        await h.ReconcileAsync();
        store.Copies.Clear();

        // The same lines staged with the columns in another order, as a file of an earlier layout would be.
        var staged = PipelineKey.Staging("stg_pos_transactions", new DateOnly(2026, 3, 6), pos.UploadId);
        var table = Core.Tables.CuratedTables.FactTicketLine;
        var rows = new List<Core.Tables.TableColumns>();
        await foreach (var batch in StagingFiles.ReadAsync(h.Store, staged, table, Ct))
        {
            rows.Add(batch);
        }
        var reordered = table with { Columns = [.. table.Columns.Reverse()] };
        await StagingFiles.WriteAsync(h.Store, staged, Core.Tables.TableColumns.Project(reordered, Assert.Single(rows)), Ct);
        await h.ReconcileAsync();

        Assert.Empty(store.Copies);
        var state = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State;
        Assert.Equal((6L, 6L), (state.RowsIn, state.RowsOut));
        Assert.Equal(["6|1|1|1"], await h.QueryAsync("fact_ticket_line",
            "SELECT COUNT(*), SUM(CAST(is_void AS INT)), SUM(CAST(is_refund AS INT)), SUM(CAST(is_comp AS INT)) FROM t"));
        Assert.Equal(["transaction_id", "line_no"], (await h.QueryAsync("fact_ticket_line", "SELECT column_name FROM (DESCRIBE t) LIMIT 2")));
    }

    [Fact]
    public async Task A_staging_file_without_its_summary_is_read_for_the_checks_and_still_copied()
    {
        var store = new CopyRecordingStore(new FileSystemObjectStore(_root));
        var h = new PipelineHarness(store, PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        var pos = await h.PutPosAsync(WorkedExample + Line("T6", 1, "TICKET", "ADULT", 1, "10.00", "0.00", session: null) + "\n");
        await h.ReconcileAsync();
        store.Copies.Clear();

        // The same file stored again without the summary staging writes (as an earlier version wrote it).
        var staged = PipelineKey.Staging("stg_pos_transactions", new DateOnly(2026, 3, 6), pos.UploadId);
        var rows = new List<Core.Tables.TableColumns>();
        await foreach (var batch in StagingFiles.ReadAsync(h.Store, staged, Core.Tables.CuratedTables.FactTicketLine, Ct))
        {
            rows.Add(batch);
        }
        await StagingFiles.WriteAsync(h.Store, staged, Assert.Single(rows), Ct);
        store.Reads.Clear();
        await h.Runner.RunAsync(new Engine.RunRequest("test", [], [new DateOnly(2026, 3, 6)], Force: true), Ct); // same content, same ETag: forced

        var state = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State;
        Assert.Equal([(staged, state.Files[0])], store.Copies);
        Assert.Contains(staged, store.Reads);
        Assert.Equal((7L, 7L), (state.RowsIn, state.RowsOut));
        Assert.Contains("1 ticket lines without session_id", Assert.Single(state.Checks, c => !c.Passed).Detail);
    }

    /// <summary>A real store that notes every server-side copy (source, destination) and every object opened for reading.</summary>
    private sealed class CopyRecordingStore(IObjectStore inner) : IObjectStore
    {
        public List<(string Source, string Destination)> Copies { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<string> Reads { get; private set; } = [];

        public Task<ObjectHead> PutAsync(string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default) => inner.PutAsync(key, content, options, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
        {
            Reads.Add(key);
            return inner.OpenReadAsync(key, cancellationToken);
        }
        public Task<ObjectHead?> HeadAsync(string key, CancellationToken cancellationToken = default) => inner.HeadAsync(key, cancellationToken);
        public Task<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, continuationToken, pageSize, cancellationToken);
        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public Task<ObjectHead> CopyAsync(string sourceKey, string destinationKey, string? sourceETag = null, CancellationToken cancellationToken = default)
        {
            lock (Copies)
            {
                Copies.Add((sourceKey, destinationKey));
            }
            return inner.CopyAsync(sourceKey, destinationKey, sourceETag, cancellationToken);
        }
    }

    private static async Task<byte[]> BytesAsync(PipelineHarness h, string key)
    {
        await using var stream = await h.Store.OpenReadAsync(key, Ct);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, Ct);
        return bytes.ToArray();
    }

    [Fact]
    public async Task New_POS_data_makes_fact_session_stale_and_an_invalid_line_is_quarantined_with_its_line_number()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root), PublishedTables.Assets());
        await h.PutSessionsAsync(Sessions);
        await h.ReconcileAsync();
        Assert.Equal(["S1|0"], await h.QueryAsync("fact_session", "SELECT session_id, adm FROM t"));

        var pos = await h.PutPosAsync(Line("T9", 1, "TICKET", "ADULT", 2, "10.00", "0.00") + "\n{not json\n" + Line("T9", 2, "TICKET", null, 1, "8.00", "0.00", session: null) + "\n");
        await h.ReconcileAsync();

        Assert.Equal(["S1|2"], await h.QueryAsync("fact_session", "SELECT session_id, adm FROM t"));
        var ledger = await h.Ledger.GetAsync(pos, Ct);
        Assert.Equal((3L, 2L, 1L), (ledger!.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        var quarantine = await h.Store.ReadTextAsync(PipelineKey.Quarantine(pos.UploadId), Ct);
        Assert.Contains("\"line\":2", quarantine);
        Assert.Contains("invalid JSON", quarantine);
        var checks = (await h.States.GetAsync("fact_ticket_line", "2026-03-06", Ct))!.Value.State.Checks;
        var sessionCheck = Assert.Single(checks, c => c.Name == "ticket_lines_have_session");
        Assert.False(sessionCheck.Passed);
        Assert.Contains("1 ticket lines without session_id", sessionCheck.Detail);
    }

    private static string Line(string transaction, int lineNo, string lineType, string? ticketType, int quantity, string unitPrice, string discount,
        string status = "COMPLETED", string? original = null, string? sku = null, string? session = "S1") =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["transaction_id"] = transaction, ["line_no"] = lineNo, ["cinema_id"] = "C1", ["terminal_id"] = "C1-BO1", ["channel"] = "pos",
            ["transaction_ts"] = "2026-03-06T18:00:00Z", ["business_date"] = "2026-03-06", ["line_type"] = lineType, ["session_id"] = session,
            ["ticket_type"] = ticketType, ["sku"] = sku, ["quantity"] = quantity, ["unit_price"] = unitPrice, ["discount"] = discount,
            ["tax"] = "0.00", ["currency"] = "gbp", ["status"] = status, ["original_transaction_id"] = original,
        });

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
