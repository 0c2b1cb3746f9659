using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Tests;

/// <summary>The engine's guarantees, run on each kind of storage.</summary>
public abstract class PipelineContract
{
    public const string HeaderForTests = Header;

    protected const string Header = "session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n";

    protected const string Day = Header +
        "S1,C1,1,100,Dune,2026-03-06 19:30,Europe/London,GBP\n" +
        "S2,C1,2,80,Dune,2026-03-07 01:15,Europe/London,GBP\n" +
        "S3,C1,1,,Avatar,2026-03-07 14:00,Europe/London,GBP\n" +
        "S4,C1,1,50,Avatar,tomorrow,Europe/London,GBP\n";

    protected abstract Task<IObjectStore> CreateStoreAsync();

    private static CancellationToken Ct => PipelineHarness.Ct;

    [Fact]
    public async Task A_new_raw_object_is_staged_and_the_dates_it_touches_are_published_with_their_metadata()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        var raw = await h.PutSessionsAsync(Day);

        var run = await h.ReconcileAsync();

        Assert.NotNull(run);
        Assert.Equal(RunRecord.Succeeded, run.Status);
        var ledger = await h.Ledger.GetAsync(raw, Ct);
        Assert.Equal((RawObjectStatus.Processed, 4L, 3L, 1L), (ledger!.Status, ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Equal(ledger.RowsIn, ledger.RowsOut + ledger.RowsQuarantined);
        Assert.Equal(run.RunId, ledger.RunId);

        var states = (await h.States.ListAsync("fact_session", Ct)).OrderBy(s => s.Partition).ToList();
        Assert.Equal(["2026-03-06", "2026-03-07"], states.Select(s => s.Partition));
        var first = states[0];
        Assert.Equal(AssetPartitionState.Materialized, first.Status);
        Assert.Equal(2, first.RowsOut);
        Assert.True(first.Bytes > 0);
        Assert.Single(first.Files);
        Assert.StartsWith("curated/fact_session/business_date=2026-03-06/part-", first.Files[0]);
        Assert.Equal(PipelineRunner.SchemaHash(CuratedTables.FactSession), first.SchemaHash);
        Assert.All(first.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Single(first.Inputs);
        Assert.Contains(raw.UploadId, first.Inputs[0].Key);

        Assert.Equal(["S1|C1|100|2026-03-06 19:30:00", "S2|C1|80|2026-03-07 01:15:00", "S3|C1||2026-03-07 14:00:00"], await h.PublishedFactSessionAsync());
        var quarantine = await h.Store.ReadTextAsync(PipelineKey.Quarantine(raw.UploadId), Ct);
        Assert.Contains("\"line\":5", quarantine);
        Assert.Contains("showtime_local", quarantine);
    }

    [Fact]
    public async Task A_session_sent_again_in_a_later_file_replaces_the_earlier_row()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        await h.PutSessionsAsync(Day);
        await h.ReconcileAsync();
        await Task.Delay(1100, Ct); // the later file is received later
        await h.PutSessionsAsync(Header + "S1,C1,1,120,Dune,2026-03-06 19:30,Europe/London,GBP\n");

        await h.ReconcileAsync();

        var published = await h.PublishedFactSessionAsync();
        Assert.Contains("S1|C1|120|2026-03-06 19:30:00", published);
        Assert.DoesNotContain("S1|C1|100|2026-03-06 19:30:00", published);
        var state = (await h.States.GetAsync("fact_session", "2026-03-06", Ct))!.Value.State;
        Assert.Equal((3L, 2L, 1L), (state.RowsIn, state.RowsOut, state.RowsQuarantined));
        Assert.Single(await h.KeysAsync(CuratedPartitionKey.PartitionPrefix("fact_session", new DateOnly(2026, 3, 6))));
    }

    [Fact]
    public async Task Nothing_new_means_no_work_and_the_same_inputs_give_the_same_names()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        await h.PutSessionsAsync(Day);
        await h.ReconcileAsync();
        var before = await h.KeysAsync("curated/");
        var runsBefore = await h.Runs.RecentAsync(100, Ct);

        Assert.Null(await h.ReconcileAsync());

        Assert.Equal(before, await h.KeysAsync("curated/"));
        Assert.Equal(runsBefore.Count, (await h.Runs.RecentAsync(100, Ct)).Count);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_fails_alone_with_its_reason()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        var bad = await h.PutSessionsAsync("title,seats\nDune,100\n");
        await h.PutSessionsAsync(Day);

        var run = await h.ReconcileAsync();

        var failed = await h.Ledger.GetAsync(bad, Ct);
        Assert.Equal(RawObjectStatus.Failed, failed!.Status);
        Assert.Contains("session_id", failed.Error);
        Assert.Equal(3, (await h.PublishedFactSessionAsync()).Count);
        Assert.Contains(run!.Partitions, p => p.Asset == "stg_sessions" && p.Status == AssetPartitionState.Failed);
    }

    [Fact]
    public async Task A_failing_partition_does_not_stop_the_others_and_keeps_its_last_good_files()
    {
        var store = await CreateStoreAsync();
        var h = new PipelineHarness(store);
        await h.PutSessionsAsync(Day);
        await h.ReconcileAsync();
        var goodFiles = (await h.States.GetAsync("fact_session", "2026-03-06", Ct))!.Value.State.Files;

        var failing = new PipelineHarness(store, [new StgSessionsAsset(), new StgPosTransactionsAsset(), new FactTicketLineAsset(), new StgFilmsAsset(), new DimFilmAsset(), new FailsOn(new DateOnly(2026, 3, 6))]);
        await failing.PutSessionsAsync(Header + "S9,C1,1,10,X,2026-03-06 12:00,Europe/London,GBP\nS8,C1,1,10,X,2026-03-07 12:00,Europe/London,GBP\n");
        var run = await failing.ReconcileAsync();

        var sixth = (await h.States.GetAsync("fact_session", "2026-03-06", Ct))!.Value.State;
        var seventh = (await h.States.GetAsync("fact_session", "2026-03-07", Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Failed, sixth.Status);
        Assert.Contains("simulated failure", sixth.Error);
        Assert.Equal(goodFiles, sixth.Files);
        Assert.Equal(AssetPartitionState.Materialized, seventh.Status);
        Assert.Equal(RunRecord.Failed, run!.Status);
        Assert.Contains(run.Log!.Lines, l => l.Contains("simulated failure"));
    }

    [Fact]
    public async Task A_failed_blocking_check_stops_only_the_assets_downstream_of_its_partition()
    {
        var h = new PipelineHarness(await CreateStoreAsync(), [new StgSessionsAsset(), new StgPosTransactionsAsset(), new FactTicketLineAsset(), new StgFilmsAsset(), new DimFilmAsset(), new RefusesSession("S2"), new DownstreamOfFactSession()]);
        await h.PutSessionsAsync(Header +
            "S1,C1,1,100,Dune,2026-03-06 19:30,Europe/London,GBP\n" +
            "S2,C1,1,100,Dune,2026-03-07 19:30,Europe/London,GBP\n");

        await h.ReconcileAsync();

        var factSeventh = (await h.States.GetAsync("fact_session", "2026-03-07", Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Materialized, factSeventh.Status);
        Assert.Contains(factSeventh.Checks, c => c.Name == "no_refused_session" && !c.Passed && c.Severity == "block");
        var blocked = (await h.States.GetAsync("mart_sessions", "2026-03-07", Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Blocked, blocked.Status);
        Assert.Contains("no_refused_session", blocked.Error);
        Assert.Empty(blocked.Files);
        var unrelated = (await h.States.GetAsync("mart_sessions", "2026-03-06", Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Materialized, unrelated.Status);
    }

    [Fact]
    public async Task Two_workers_on_the_same_inputs_end_with_one_correct_result()
    {
        var store = await CreateStoreAsync();
        var a = new PipelineHarness(store);
        var b = new PipelineHarness(store);
        for (var i = 0; i < 6; i++)
        {
            await a.PutSessionsAsync(Header + $"S{i},C1,1,{100 + i},Dune,2026-03-0{1 + i % 3} 19:30,Europe/London,GBP\n");
        }

        await Task.WhenAll(a.ReconcileAsync(), b.ReconcileAsync());
        await a.ReconcileAsync();

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"S{i}|C1|{100 + i}|2026-03-0{1 + i % 3} 19:30:00").Order(StringComparer.Ordinal), await a.PublishedFactSessionAsync());
        foreach (var date in new[] { 1, 2, 3 })
        {
            var state = (await a.States.GetAsync("fact_session", $"2026-03-0{date}", Ct))!.Value.State;
            Assert.Equal(AssetPartitionState.Materialized, state.Status);
            Assert.Equal(state.Files, await a.KeysAsync(CuratedPartitionKey.PartitionPrefix("fact_session", new DateOnly(2026, 3, date))));
        }
    }

    [Fact]
    public async Task Old_runs_are_deleted_beyond_the_retained_count()
    {
        var h = new PipelineHarness(await CreateStoreAsync(), options: new TransformOptions { MaxRuns = 10 });
        for (var i = 0; i < 13; i++)
        {
            await h.PutSessionsAsync(Header + $"R{i},C1,1,10,X,2026-03-06 19:30,Europe/London,GBP\n");
            await h.ReconcileAsync();
        }
        var runs = await h.KeysAsync(PipelineKey.RunsPrefix);
        Assert.Equal(10, runs.Count);
    }

    [Fact]
    public async Task A_source_past_its_freshness_deadline_is_late_and_one_within_it_is_not()
    {
        var options = new TransformOptions { FreshnessDeadlines = { ["sessions"] = TimeSpan.FromHours(1), ["films"] = TimeSpan.FromDays(7) } };
        var h = new PipelineHarness(await CreateStoreAsync(), options: options);
        await h.PutSessionsAsync(Day);

        var freshness = (await h.Freshness.EvaluateAsync(Ct)).ToDictionary(f => f.Source);

        Assert.False(freshness["sessions"].Late, freshness["sessions"].Detail);
        Assert.True(freshness["films"].Late);
        Assert.Contains("no file has arrived", freshness["films"].Detail);
        Assert.Null(freshness["pos_transactions"].Deadline);
    }

    /// <summary>fact_session, except that one date always fails.</summary>
    private sealed class FailsOn(DateOnly date) : PartitionedAsset
    {
        private readonly FactSessionAsset _inner = new();
        public override string Name => _inner.Name;
        public override IReadOnlyList<string> Upstream => _inner.Upstream;
        public override TableSchema Output => _inner.Output;
        public override string CodeVersion => "failing";
        public override Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken) =>
            businessDate == date ? throw new InvalidDataException("simulated failure") : _inner.BuildAsync(businessDate, inputs, context, cancellationToken);
    }

    /// <summary>fact_session with a blocking check that fails when a given session is present.</summary>
    private sealed class RefusesSession(string sessionId) : PartitionedAsset
    {
        private readonly FactSessionAsset _inner = new();
        public override string Name => _inner.Name;
        public override IReadOnlyList<string> Upstream => _inner.Upstream;
        public override TableSchema Output => _inner.Output;
        public override IReadOnlyList<AssetCheck> Checks =>
        [
            new("no_refused_session", CheckSeverity.Block, $"Session {sessionId} is not published downstream.",
                rows => rows.Get<string?>("session_id").Contains(sessionId) ? CheckVerdict.Fail($"{sessionId} is present") : CheckVerdict.Pass("absent")),
        ];
        public override Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken) => _inner.BuildAsync(businessDate, inputs, context, cancellationToken);
    }

    /// <summary>A daily asset reading fact_session: a copy, enough to see whether it was blocked.</summary>
    private sealed class DownstreamOfFactSession : PartitionedAsset
    {
        public override string Name => "mart_sessions";
        public override IReadOnlyList<string> Upstream => ["fact_session"];
        public override TableSchema Output => CuratedTables.FactSession with { Name = "mart_sessions" };
        public override Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new DailyResult(TableColumns.Create(Output, 0), inputs.Of("fact_session").Count, 0, ""));
    }
}
