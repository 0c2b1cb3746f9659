using System.Globalization;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using CinemaStats.Web.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Tests;

/// <summary>
/// The DuckDB engine's in-memory tables follow a new data version partition by partition: they
/// end up equal to a fresh load of the same version, read only the files that changed, and answer
/// queries throughout.
/// </summary>
public sealed class IncrementalUpdateTests : IAsyncLifetime
{
    private readonly QueryHost _host = QueryHost.Filesystem();
    private readonly PartitionPublisher _publisher;

    public IncrementalUpdateTests() => _publisher = new PartitionPublisher(_host.Store, TimeProvider.System);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DuckDbQueryEngine Engine => Assert.IsType<DuckDbQueryEngine>(_host.Engine);

    public async ValueTask InitializeAsync() =>
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_changed_partition_replaces_exactly_its_rows()
    {
        await TakeInAsync();
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).ToList();

        await _publisher.PublishAsync(CuratedTestTables.FactSession(friday.Select(s => s with { Adm = s.Adm + 1000 }).ToList()), CinemaData.Friday, Ct);
        var catalog = await TakeInAsync();

        Assert.Equal(new ResidentCounts(1, 1), Counts(Engine.LastUpdate));
        await AssertSameAsFreshLoadAsync(catalog);
        var adm = await ScalarAsync<long>("SELECT SUM(adm) FROM fact_session", catalog);
        Assert.Equal(CinemaData.Sessions.Sum(s => s.Adm) + 1000 * friday.Count, adm);
    }

    [Fact]
    public async Task A_partition_no_longer_published_disappears()
    {
        await TakeInAsync();
        var gone = CinemaData.Friday.AddDays(7);

        await _host.Store.DeleteAsync(PipelineKey.AssetPartition("fact_session", gone.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Ct);
        var catalog = await TakeInAsync();

        Assert.Equal(new ResidentCounts(0, 1), Counts(Engine.LastUpdate));
        await AssertSameAsFreshLoadAsync(catalog);
        var sessions = await ScalarAsync<long>("SELECT COUNT(*) FROM fact_session", catalog);
        Assert.Equal(CinemaData.Sessions.Count(s => s.BusinessDate != gone), sessions);
    }

    [Fact]
    public async Task A_new_day_is_added_after_the_others_and_nothing_else_is_read()
    {
        var first = await TakeInAsync();
        var folder = Path.Combine(_host.Folder!, "objects");
        // Unchanged partitions are not read again: the update succeeds with their files unreadable. (The
        // first stays whole: the views that answer the new version at once take the columns from it.)
        foreach (var key in first.Table("fact_session").Files.Skip(1))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, key), "not Parquet any more", Ct);
        }
        var day = CinemaData.Friday.AddDays(8);
        var added = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday.AddDays(7))
            .Select(s => s with { SessionId = s.SessionId + "-next", BusinessDate = day }).ToList();

        await _publisher.PublishAsync(CuratedTestTables.FactSession(added), day, Ct);
        var catalog = await TakeInAsync();

        Assert.Equal(new ResidentCounts(1, 1), Counts(Engine.LastUpdate));
        Assert.Equal(catalog.Fingerprint, Engine.LastUpdate!.Version);
        var ids = await RowsAsync("SELECT session_id FROM fact_session", catalog);
        Assert.Equal(CinemaData.Sessions.Select(s => s.SessionId).Concat(added.Select(s => s.SessionId)).Order(StringComparer.Ordinal),
            ids.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        // Rows stay in date order, so DuckDB's per-block min/max keeps skipping the days outside a range.
        var dates = await RowsAsync("SELECT business_date FROM fact_session", catalog);
        Assert.Equal(dates.Select(r => (DateOnly)r[0]!).Order(), dates.Select(r => (DateOnly)r[0]!));
    }

    [Fact]
    public async Task A_changed_unpartitioned_table_is_replaced_and_the_others_are_left_alone()
    {
        await TakeInAsync();
        var sessions = CinemaData.Sessions.Select(s => s.CinemaId == "MAN" ? s with { Capacity = (s.Capacity ?? 0) + 40 } : s).ToList();

        await _publisher.PublishAsync(CuratedTestTables.DimScreen(sessions), null, Ct);
        var catalog = await TakeInAsync();

        Assert.Equal(new ResidentCounts(1, 1), Counts(Engine.LastUpdate));
        await AssertSameAsFreshLoadAsync(catalog);
    }

    [Fact]
    public async Task A_partition_written_under_a_newer_schema_rebuilds_the_table_and_older_rows_read_the_new_column_as_null()
    {
        // fact_session as an older version wrote it, without its nullable `flags` column.
        var older = CuratedTables.FactSession with { Columns = [.. CuratedTables.FactSession.Columns.Where(c => c.Name != "flags")] };
        var days = CinemaData.Sessions.GroupBy(s => s.BusinessDate).ToList();
        foreach (var day in days)
        {
            await _publisher.PublishAsync(TableColumns.Project(older, CuratedTestTables.FactSession([.. day])), day.Key, Ct);
        }
        await TakeInAsync();

        var flagged = CuratedTestTables.FactSession([.. days[0]]);
        ((string?[])flagged["flags"])[0] = "capacity_missing";
        await _publisher.PublishAsync(flagged, days[0].Key, Ct);
        var catalog = await TakeInAsync();

        // Taken in (not left to views over the files), every partition read again, as a fresh load reads them.
        Assert.Equal(catalog.Fingerprint, Engine.LastUpdate!.Version);
        Assert.Equal(new ResidentCounts(days.Count, days.Count), Counts(Engine.LastUpdate));
        await AssertSameAsFreshLoadAsync(catalog);
        var flags = await RowsAsync("SELECT flags, COUNT(*) FROM fact_session GROUP BY flags ORDER BY flags NULLS LAST", catalog);
        Assert.Equal([("capacity_missing", 1L), (null, (long)CinemaData.Sessions.Count - 1)], flags.Select(r => ((string?)r[0], (long)r[1]!)));
    }

    [Fact]
    public async Task A_table_mostly_changed_is_rebuilt_and_equals_a_fresh_load()
    {
        await TakeInAsync();
        var days = CinemaData.Sessions.GroupBy(s => s.BusinessDate).ToList();

        // Every day but one re-published with other admissions (a re-matched film catalogue does that).
        foreach (var day in days.Skip(1))
        {
            await _publisher.PublishAsync(CuratedTestTables.FactSession(day.Select(s => s with { Adm = s.Adm + 7 }).ToList()), day.Key, Ct);
        }
        var catalog = await TakeInAsync();

        Assert.Equal(new ResidentCounts(days.Count, days.Count), Counts(Engine.LastUpdate));
        await AssertSameAsFreshLoadAsync(catalog);
        var dates = await RowsAsync("SELECT business_date FROM fact_session", catalog);
        Assert.Equal(dates.Select(r => (DateOnly)r[0]!).Order(), dates.Select(r => (DateOnly)r[0]!));
    }

    [Fact]
    public async Task Every_query_sees_exactly_the_version_it_asks_for_while_updates_are_taken_in()
    {
        var published = _host.Services.GetRequiredService<IPublishedTables>();
        await TakeInAsync();
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).ToList();
        var others = CinemaData.Sessions.Where(s => s.BusinessDate != CinemaData.Friday).Sum(s => s.Adm);
        var fridayKey = (await published.GetAsync(Ct)).Table("fact_session").Files.Single(IsFriday);
        var expected = new Dictionary<string, long> { [fridayKey] = others + friday.Sum(s => s.Adm) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var seen = new List<(string FridayFile, long Adm)>();
            while (!stop.IsCancellationRequested)
            {
                var catalog = await published.GetAsync(Ct);
                try
                {
                    seen.Add((catalog.Table("fact_session").Files.Single(IsFriday), await ScalarAsync<long>("SELECT SUM(adm) FROM fact_session", catalog)));
                }
                catch (StaleCatalogException)
                {
                    // A version whose files a newer one removed, read in place: the dashboard asks again with a fresh catalog.
                }
            }
            return seen;
        }, Ct)).ToList();
        for (var round = 1; round <= 6; round++)
        {
            var state = await _publisher.PublishAsync(CuratedTestTables.FactSession(friday.Select(s => s with { Adm = s.Adm + round }).ToList()), CinemaData.Friday, Ct);
            expected[state.Files.Single()] = others + friday.Sum(s => s.Adm + round);
            await TakeInAsync();
        }
        await stop.CancelAsync();
        var answers = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();

        Assert.NotEmpty(answers);
        Assert.All(answers, answer => Assert.Equal(expected[answer.FridayFile], answer.Adm));
        var last = await ScalarAsync<long>("SELECT SUM(adm) FROM fact_session", await published.GetAsync(Ct));
        Assert.Equal(others + friday.Sum(s => s.Adm + 6), last);
    }

    [Fact]
    public async Task DuckDb_limits_out_of_range_are_refused()
    {
        await using var host = QueryHost.Filesystem(new Dictionary<string, string?> { ["Query:DuckDbMemoryLimitMiB"] = "8" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<QueryOptions>>().Value);

        Assert.Contains(nameof(QueryOptions.DuckDbMemoryLimitMiB), error.Message, StringComparison.Ordinal);
    }

    private static bool IsFriday(string key) => key.Contains("business_date=2024-03-01/", StringComparison.Ordinal);

    private static ResidentCounts Counts(ResidentUpdate? update) => new(update!.FilesRead, update.PartitionsReplaced);

    /// <summary>The current catalog, once the engine's in-memory tables hold it.</summary>
    private async Task<PublishedCatalog> TakeInAsync()
    {
        var catalog = await _host.Services.GetRequiredService<IPublishedTables>().GetAsync(Ct);
        await Engine.ExecuteAsync(Request("SELECT 1"), catalog, Ct);
        await Engine.LoadedAsync();
        Assert.Equal(catalog.Fingerprint, Engine.LastUpdate?.Version);
        return catalog;
    }

    /// <summary>Every table the dashboard reads holds the same rows as in an engine that loads <paramref name="catalog"/> from scratch.</summary>
    private async Task AssertSameAsFreshLoadAsync(PublishedCatalog catalog)
    {
        using var fresh = new DuckDbQueryEngine();
        await fresh.ExecuteAsync(Request("SELECT 1"), catalog, Ct);
        await fresh.LoadedAsync();
        Assert.Equal(catalog.Fingerprint, fresh.LastUpdate?.Version);
        Assert.Equal(fresh.LastUpdate!.InMemory.Order(), Engine.LastUpdate!.InMemory.Order());
        foreach (var table in CuratedTables.All.Where(t => KpiCatalogue.TablesRead.Contains(t.Name)))
        {
            var sql = $"SELECT * FROM {table.Name} ORDER BY ALL";
            var expected = (await fresh.ExecuteAsync(Request(sql), catalog, Ct)).Rows;
            var actual = (await Engine.ExecuteAsync(Request(sql), catalog, Ct)).Rows;
            Assert.Equal(expected.Select(Line), actual.Select(Line));
        }
    }

    private static string Line(object?[] row) => string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private async Task<IReadOnlyList<object?[]>> RowsAsync(string sql, PublishedCatalog catalog) =>
        (await Engine.ExecuteAsync(Request(sql), catalog, Ct)).Rows;

    private async Task<T> ScalarAsync<T>(string sql, PublishedCatalog catalog) => (T)(await RowsAsync(sql, catalog))[0][0]!;

    private static QueryRequest Request(string sql) => new("test", sql, [], 10_000, TimeSpan.FromMinutes(1));

    private sealed record ResidentCounts(int FilesRead, int PartitionsReplaced);
}
