using System.Text.Json;
using CinemaStats.Core.Pipeline;
using CinemaStats.Web.Queries.Athena;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using static CinemaStats.Web.Tests.Athena.AthenaApiExamples;

namespace CinemaStats.Web.Tests.Athena;

/// <summary>
/// The dashboard on the Athena engine (Query:Engine=Athena, as Terraform configures the web task),
/// with Athena answering from canned responses and the partition states read from the store.
/// </summary>
public sealed class AthenaQueryEngineTests : IAsyncLifetime
{
    private const string Hostile = "x' OR 1=1 --";
    private static readonly DashboardFilter Filter = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13)) with { Cinemas = ["LON", Hostile] };

    private readonly AthenaTestHost _athena = new();
    private readonly QueryHost _host;

    public AthenaQueryEngineTests()
    {
        _host = QueryHost.Filesystem(new Dictionary<string, string?> { ["Query:Engine"] = "Athena" }, services => services.AddSingleton(_athena.Runner));
    }

    public async ValueTask InitializeAsync() =>
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _athena.Dispose();
    }

    /// <summary>A GetQueryResults answer with KpiTotals' columns: the header row Athena adds, then <paramref name="rows"/>.</summary>
    private static string KpiTotalsPage(params string[][] rows)
    {
        string[] columns = ["currency", "sessions", "sessions_with_adm", "adm", "paid_adm", "gbo_minor", "concessions_minor", "capacity", "occupancy_adm"];
        object Row(IEnumerable<string> values) => new { Data = values.Select(v => new { VarCharValue = v }) };
        return JsonSerializer.Serialize(new
        {
            ResultSet = new
            {
                Rows = new[] { Row(columns) }.Concat(rows.Select(Row)),
                ResultSetMetadata = new { ColumnInfo = columns.Select((c, i) => new { Name = c, Label = c, Type = i == 0 ? "varchar" : "bigint" }) },
            },
        });
    }

    [Fact]
    public async Task Every_value_goes_as_an_execution_parameter_and_the_typed_rows_are_cached_by_data_version()
    {
        var ct = TestContext.Current.CancellationToken;
        _athena.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("SUCCEEDED"))
            .Respond("GetQueryResults", KpiTotalsPage(["GBP", "7", "6", "116", "110", "106000", "14500", "500", "96"]));

        var first = await _host.Queries.KpiTotalsAsync(Filter, ct);
        var again = await _host.Queries.KpiTotalsAsync(Filter, ct);
        await new PartitionPublisher(_host.Store, TimeProvider.System)
            .PublishAsync(CuratedTestTables.MartCinemaDay([.. CinemaData.Sessions.Take(1)]), CinemaData.Sessions[0].BusinessDate, ct);
        await _host.Queries.KpiTotalsAsync(Filter, ct);

        Assert.Equal([new KpiTotals("GBP", 7, 6, 116, 110, 106_000, 14_500, 500, 96)], first);
        Assert.Same(first, again);
        var starts = _athena.Handler.Calls("StartQueryExecution");
        Assert.Equal(2, starts.Count);
        using var start = JsonDocument.Parse(starts[0].Body);
        var sql = start.RootElement.GetProperty("QueryString").GetString()!;
        Assert.DoesNotContain(Hostile, sql, StringComparison.Ordinal);
        Assert.Contains("FROM mart_cinema_day", sql, StringComparison.Ordinal);
        Assert.Equal(["DATE '2024-03-01'", "DATE '2024-03-14'", "'LON'", "'x'' OR 1=1 --'"],
            start.RootElement.GetProperty("ExecutionParameters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("cinema-stats", start.RootElement.GetProperty("WorkGroup").GetString());
        Assert.True(start.RootElement.GetProperty("ResultReuseConfiguration").GetProperty("ResultReuseByAgeConfiguration").GetProperty("Enabled").GetBoolean());
    }

    [Fact]
    public async Task A_dashboard_query_the_user_abandons_is_stopped_on_Athena()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _athena.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("StopQueryExecution", AthenaApiExamples.StopQueryExecution);
        _athena.Handler.OnRequest = request =>
        {
            if (request.Operation == "GetQueryExecution")
            {
                cancel.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Queries.TopFilmsAsync(Filter, 10, cancel.Token));

        var stop = Assert.Single(_athena.Handler.Calls("StopQueryExecution"));
        Assert.Contains(QueryId, stop.BodyText, StringComparison.Ordinal);
    }
}
