using CinemaStats.Core.Pipeline;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Queries.DuckDb;
using CinemaStats.Web.Queries.Published;
using CinemaStats.Web.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Web.Tests;

/// <summary>The DuckDB engine's limits: rows, time, the caller giving up, many readers while the data changes, and the in-memory copies.</summary>
public sealed class DuckDbQueryEngineTests : IAsyncLifetime
{
    /// <summary>Ten billion rows: runs far longer than any test waits.</summary>
    private const string Endless = "SELECT SUM(a.range * b.range) FROM range(100000) a, range(100000) b";

    private readonly QueryHost _host = QueryHost.Filesystem();

    public async ValueTask InitializeAsync() =>
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<PublishedCatalog> CatalogAsync() =>
        _host.Services.GetRequiredService<IPublishedTables>().GetAsync(TestContext.Current.CancellationToken);

    private static QueryRequest Request(string sql, int maxRows = 100, TimeSpan? timeout = null, params object?[] parameters) =>
        new("test", sql, parameters, maxRows, timeout ?? TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Rows_beyond_the_limit_are_cut_off_and_reported()
    {
        var catalog = await CatalogAsync();
        var ct = TestContext.Current.CancellationToken;

        var cut = await _host.Engine.ExecuteAsync(Request("SELECT session_id FROM fact_session ORDER BY session_id", maxRows: 5), catalog, ct);
        var whole = await _host.Engine.ExecuteAsync(Request("SELECT session_id FROM fact_session ORDER BY session_id"), catalog, ct);

        Assert.Equal(["s01", "s02", "s03", "s04", "s05"], cut.Rows.Select(r => r[0]));
        Assert.True(cut.Truncated);
        Assert.Equal(CinemaData.Sessions.Select(s => s.SessionId).Order(StringComparer.Ordinal), whole.Rows.Select(r => (string)r[0]!));
        Assert.False(whole.Truncated);
    }

    [Fact]
    public async Task Values_come_back_typed()
    {
        var catalog = await CatalogAsync();
        var result = await _host.Engine.ExecuteAsync(
            Request("SELECT business_date, capacity, adm, cinema_id, CAST(adm AS DOUBLE) / 2 FROM fact_session WHERE session_id = ?", parameters: "s08"),
            catalog, TestContext.Current.CancellationToken);

        var row = Assert.Single(result.Rows);
        Assert.Equal([CinemaData.Friday.AddDays(1), null, 12L, "MAN", 6.0], row);
    }

    [Fact]
    public async Task A_query_longer_than_its_timeout_is_stopped_and_the_engine_carries_on()
    {
        var catalog = await CatalogAsync();
        var ct = TestContext.Current.CancellationToken;

        var error = await Assert.ThrowsAsync<QueryTimeoutException>(() =>
            _host.Engine.ExecuteAsync(Request(Endless, timeout: TimeSpan.FromMilliseconds(300)), catalog, ct));
        var after = await _host.Engine.ExecuteAsync(Request("SELECT COUNT(*) FROM fact_session"), catalog, ct);

        Assert.Equal("test", error.Query);
        Assert.Equal((long)CinemaData.Sessions.Count, after.Rows[0][0]);
    }

    [Fact]
    public async Task A_query_whose_caller_gives_up_is_cancelled()
    {
        var catalog = await CatalogAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Engine.ExecuteAsync(Request(Endless), catalog, cancel.Token));

        Assert.IsNotType<QueryTimeoutException>(error);
        var after = await _host.Engine.ExecuteAsync(Request("SELECT COUNT(*) FROM fact_session"), catalog, TestContext.Current.CancellationToken);
        Assert.Equal((long)CinemaData.Sessions.Count, after.Rows[0][0]);
    }

    [Fact]
    public async Task Concurrent_readers_see_the_old_or_the_new_data_while_it_is_republished()
    {
        var ct = TestContext.Current.CancellationToken;
        var filter = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13)) with { Genres = ["Action"] };
        var before = await _host.Queries.KpiTotalsAsync(filter, ct);
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).ToList();
        var publisher = new PartitionPublisher(_host.Store, TimeProvider.System);

        var readers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var seen = new List<IReadOnlyList<KpiTotals>>();
            for (var j = 0; j < 6; j++)
            {
                // Different date ranges so the result cache does not answer for the engine.
                seen.Add(await _host.Queries.KpiTotalsAsync(filter with { To = filter.To.AddDays(i * 10 + j) }, ct));
            }
            return seen;
        }, ct)).ToList();
        var doubled = friday.Select(s => s with { Adm = s.Adm * 2 }).ToList();
        for (var round = 0; round < 3; round++)
        {
            await publisher.PublishAsync(CuratedTestTables.FactSession(round % 2 == 0 ? doubled : friday), CinemaData.Friday, ct);
        }
        await publisher.PublishAsync(CuratedTestTables.FactSession(doubled), CinemaData.Friday, ct);
        var results = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();
        var after = await _host.Queries.KpiTotalsAsync(filter with { To = filter.To.AddDays(1000) }, ct);

        var addedAdm = friday.Where(s => s.Genre == "Action").GroupBy(s => s.Currency).ToDictionary(g => g.Key, g => g.Sum(s => s.Adm));
        Assert.Equal(before.Select(t => t.Adm + addedAdm.GetValueOrDefault(t.Currency)), after.Select(t => t.Adm));
        Assert.All(results, r => Assert.True(r.SequenceEqual(before) || r.Select(t => t.Adm).SequenceEqual(after.Select(t => t.Adm)),
            $"a reader saw neither the old nor the new admissions: {string.Join(", ", r.Select(t => t.Adm))}"));
    }

    [Fact]
    public async Task Dashboard_tables_are_copied_into_memory_and_a_new_publication_is_answered_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = Assert.IsType<DuckDbQueryEngine>(_host.Engine);
        var filter = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13)) with { Genres = ["Action"] };
        var before = await _host.Queries.KpiTotalsAsync(filter, ct);
        await engine.LoadedAsync();
        var loaded = await RelationsAsync();
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).ToList();

        await new PartitionPublisher(_host.Store, TimeProvider.System)
            .PublishAsync(CuratedTestTables.FactSession(friday.Select(s => s with { Adm = s.Adm * 2 }).ToList()), CinemaData.Friday, ct);
        var right = await _host.Queries.KpiTotalsAsync(filter, ct);
        await engine.LoadedAsync();
        var afterLoad = await _host.Queries.KpiTotalsAsync(filter with { To = filter.To.AddDays(1) }, ct);

        var addedAdm = friday.Where(s => s.Genre == "Action").GroupBy(s => s.Currency).ToDictionary(g => g.Key, g => g.Sum(s => s.Adm));
        var expected = before.Select(t => t.Adm + addedAdm.GetValueOrDefault(t.Currency)).ToList();
        Assert.NotEqual(before.Select(t => t.Adm), expected);
        Assert.Equal(expected, right.Select(t => t.Adm));
        Assert.Equal(expected, afterLoad.Select(t => t.Adm));
        Assert.Equal("BASE TABLE", loaded["fact_session"]);
        Assert.Equal("BASE TABLE", loaded["mart_cinema_day"]);
        Assert.Equal("BASE TABLE", loaded["dim_film"]);
        Assert.Equal("VIEW", loaded["fact_ticket_line"]);
        Assert.Equal(loaded, await RelationsAsync());
    }

    [Fact]
    public async Task A_table_above_the_memory_limit_is_read_in_place()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = QueryHost.Filesystem(new Dictionary<string, string?> { ["Query:InMemoryTableMaxBytes"] = "1" });
        await CuratedTestTables.PublishAllAsync(host.Store, CinemaData.Sessions, ct);
        var catalog = await host.Services.GetRequiredService<IPublishedTables>().GetAsync(ct);
        await host.Engine.ExecuteAsync(Request("SELECT 1"), catalog, ct);
        await Assert.IsType<DuckDbQueryEngine>(host.Engine).LoadedAsync();

        var relations = await RelationsAsync(host);
        var sessions = await host.Engine.ExecuteAsync(Request("SELECT COUNT(*) FROM fact_session"), catalog, ct);

        Assert.All(relations.Values, type => Assert.Equal("VIEW", type));
        Assert.Equal((long)CinemaData.Sessions.Count, sessions.Rows[0][0]);
    }

    private Task<Dictionary<string, string>> RelationsAsync() => RelationsAsync(_host);

    private static async Task<Dictionary<string, string>> RelationsAsync(QueryHost host)
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = await host.Services.GetRequiredService<IPublishedTables>().GetAsync(ct);
        var result = await host.Engine.ExecuteAsync(Request("SELECT table_name, table_type FROM information_schema.tables"), catalog, ct);
        return result.Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
    }
}
