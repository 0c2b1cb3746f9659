using System.Text.Json;
using CinemaStats.Web.Queries.Athena;
using static CinemaStats.Web.Tests.Athena.AthenaApiExamples;

namespace CinemaStats.Web.Tests.Athena;

public sealed class AthenaQueryRunnerTests
{
    private const string Sql = "SELECT * FROM mart_cinema_day WHERE business_date >= ? AND cinema_id = ?";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_PollsWithGrowingDelays_ThenPagesTypedRows()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("QUEUED"))
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("GetQueryExecution", QueryExecution("SUCCEEDED"))
            .Respond("GetQueryResults", ResultsPage1)
            .Respond("GetQueryResults", ResultsPage2);

        var result = await host.Runner.RunAsync(Sql, [new DateOnly(2024, 3, 1), "O'Brien Plaza"], null, Token);

        Assert.Equal(
            [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)],
            host.Clock.Waits);
        Assert.Equal(QueryId, result.QueryExecutionId);
        Assert.Equal(8, result.Columns.Count);
        Assert.Equal(["C001", "O'Brien Plaza", "C003"], result.Rows.Select(r => r[0]));
        Assert.Equal(12345.67m, result.Rows[0][6]);
        Assert.Null(result.Rows[2][1]);
        Assert.False(result.Truncated);
        Assert.Equal(987654, result.Statistics!.DataScannedInBytes);

        using var start = JsonDocument.Parse(host.Handler.Calls("StartQueryExecution")[0].Body);
        Assert.Equal(Sql, start.RootElement.GetProperty("QueryString").GetString());
        Assert.Equal(["DATE '2024-03-01'", "'O''Brien Plaza'"], start.RootElement.GetProperty("ExecutionParameters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(10, start.RootElement.GetProperty("ResultReuseConfiguration").GetProperty("ResultReuseByAgeConfiguration").GetProperty("MaxAgeInMinutes").GetInt32());
        Assert.Empty(host.Handler.Calls("StopQueryExecution"));
    }

    [Fact]
    public async Task Run_PollDelay_IsCappedAtTheMaximum()
    {
        using var host = new AthenaTestHost(configure: o => o.PollMaxDelay = TimeSpan.FromMilliseconds(500));
        host.Handler.Respond("StartQueryExecution", StartQueryExecution);
        for (var i = 0; i < 5; i++)
        {
            host.Handler.Respond("GetQueryExecution", QueryExecution("RUNNING"));
        }
        host.Handler.Respond("GetQueryExecution", QueryExecution("SUCCEEDED")).Respond("GetQueryResults", ResultsPage2);

        await host.Runner.RunAsync("SELECT 1", [], null, Token);

        Assert.Equal([100, 200, 400, 500, 500], host.Clock.Waits.Select(w => (int)w.TotalMilliseconds));
    }

    [Fact]
    public async Task Run_StopsReadingAtTheRowLimit()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("SUCCEEDED"))
            .Respond("GetQueryResults", ResultsPage1)
            .Respond("GetQueryResults", ResultsPage2);

        var result = await host.Runner.RunAsync("SELECT 1", [], new AthenaRunOptions { MaxRows = 1 }, Token);

        Assert.Equal(["C001"], result.Rows.Select(r => r[0]));
        Assert.True(result.Truncated);
        var page = Assert.Single(host.Handler.Calls("GetQueryResults"));
        // The first page asks for one row more than needed: the header row takes a place.
        Assert.Equal(2, JsonDocument.Parse(page.Body).RootElement.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task Run_Failed_ThrowsWithTheReasonAndQueryId()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("GetQueryExecution", QueryExecution("FAILED", "HIVE_BAD_DATA: Error parsing field value '' for field 3",
                """{"ErrorCategory": 2, "ErrorType": 1205, "Retryable": false, "ErrorMessage": "HIVE_BAD_DATA: Error parsing field value '' for field 3"}"""));

        var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(() => host.Runner.RunAsync("SELECT 1", [], null, Token));

        Assert.Equal(QueryId, error.QueryExecutionId);
        Assert.Contains(QueryId, error.Message);
        Assert.Contains("HIVE_BAD_DATA: Error parsing field value '' for field 3", error.Message);
        Assert.Contains("error category 2, type 1205", error.Message);
        Assert.Empty(host.Handler.Calls("GetQueryResults"));
    }

    [Fact]
    public async Task Run_FailedWithoutAthenaError_UsesTheStateChangeReason()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("FAILED", "Query exhausted resources at this scale factor"));

        var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(() => host.Runner.RunAsync("SELECT 1", [], null, Token));

        Assert.Equal($"Athena query {QueryId} failed: Query exhausted resources at this scale factor", error.Message);
    }

    [Fact]
    public async Task Run_CancelledByAthena_ThrowsAnOperationCanceledException()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("CANCELLED", "Query cancelled by user"));

        var error = await Assert.ThrowsAsync<AthenaQueryCancelledException>(() => host.Runner.RunAsync("SELECT 1", [], null, Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Contains("Query cancelled by user", error.Message);
        Assert.Empty(host.Handler.Calls("StopQueryExecution"));
    }

    [Fact]
    public async Task Run_CallerCancels_StopsTheQuery()
    {
        using var host = new AthenaTestHost();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("StopQueryExecution", StopQueryExecution);
        host.Handler.OnRequest = r =>
        {
            if (r.Operation == "GetQueryExecution" && host.Handler.Calls("GetQueryExecution").Count == 2)
            {
                cancellation.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Runner.RunAsync("SELECT 1", [], null, cancellation.Token));

        var stop = Assert.Single(host.Handler.Calls("StopQueryExecution"));
        Assert.Equal($$"""{"QueryExecutionId":"{{QueryId}}"}""", stop.BodyText);
        Assert.Empty(host.Handler.Calls("GetQueryResults"));
    }

    [Fact]
    public async Task Run_Timeout_StopsTheQueryAndSaysSo()
    {
        using var host = new AthenaTestHost(configure: o => o.QueryTimeout = TimeSpan.FromSeconds(5));
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("RUNNING"))
            .Respond("StopQueryExecution", StopQueryExecution);

        var error = await Assert.ThrowsAsync<AthenaQueryTimeoutException>(() => host.Runner.RunAsync("SELECT 1", [], null, Token));

        Assert.Equal(QueryId, error.QueryExecutionId);
        Assert.Contains("did not finish within 5 s", error.Message);
        Assert.Single(host.Handler.Calls("StopQueryExecution"));
        Assert.Equal(TimeSpan.FromSeconds(5), host.Clock.GetUtcNow() - AthenaTestHost.Start);
    }

    [Fact]
    public async Task Run_ReuseTurnedOff_SendsNoReuseConfiguration()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StartQueryExecution", StartQueryExecution)
            .Respond("GetQueryExecution", QueryExecution("SUCCEEDED"))
            .Respond("GetQueryResults", ResultsPage2);

        await host.Runner.RunAsync("SELECT 1", [], new AthenaRunOptions { ResultReuseMaxAge = TimeSpan.Zero, WorkGroup = "adhoc" }, Token);

        using var start = JsonDocument.Parse(host.Handler.Calls("StartQueryExecution")[0].Body);
        Assert.False(start.RootElement.TryGetProperty("ResultReuseConfiguration", out _));
        Assert.Equal("adhoc", start.RootElement.GetProperty("WorkGroup").GetString());
    }
}
