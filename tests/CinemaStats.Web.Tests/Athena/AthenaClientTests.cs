using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using CinemaStats.Web.Queries.Athena;
using static CinemaStats.Web.Tests.Athena.AthenaApiExamples;

namespace CinemaStats.Web.Tests.Athena;

public sealed partial class AthenaClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartQueryExecution_SendsAthenasRequestShape()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("StartQueryExecution", StartQueryExecution);

        var id = await host.Client.StartQueryExecutionAsync(new AthenaStartQueryRequest("SELECT * FROM fact_session WHERE business_date >= ? AND cinema_id = ?")
        {
            ExecutionParameters = ["DATE '2024-03-01'", "'C001'"],
            ResultReuseMaxAge = TimeSpan.FromMinutes(15),
            ClientRequestToken = "token-0123456789-0123456789-0123456789",
        }, Token);

        Assert.Equal(QueryId, id);
        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://athena.eu-west-1.amazonaws.com/"), request.Uri);
        Assert.Equal("AmazonAthena.StartQueryExecution", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("SELECT * FROM fact_session WHERE business_date >= ? AND cinema_id = ?", root.GetProperty("QueryString").GetString());
        Assert.Equal(["DATE '2024-03-01'", "'C001'"], root.GetProperty("ExecutionParameters").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("cinema-stats", root.GetProperty("WorkGroup").GetString());
        Assert.Equal("cinema_stats", root.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("AwsDataCatalog", root.GetProperty("QueryExecutionContext").GetProperty("Catalog").GetString());
        var reuse = root.GetProperty("ResultReuseConfiguration").GetProperty("ResultReuseByAgeConfiguration");
        Assert.True(reuse.GetProperty("Enabled").GetBoolean());
        Assert.Equal(15, reuse.GetProperty("MaxAgeInMinutes").GetInt32());
        Assert.Equal("token-0123456789-0123456789-0123456789", root.GetProperty("ClientRequestToken").GetString());
    }

    [Fact]
    public async Task StartQueryExecution_WithoutParametersOrReuse_OmitsThemAndStillSendsAToken()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("StartQueryExecution", StartQueryExecution);

        await host.Client.StartQueryExecutionAsync(new AthenaStartQueryRequest("SELECT 1"), Token);

        using var body = JsonDocument.Parse(Assert.Single(host.Handler.Requests).Body);
        Assert.False(body.RootElement.TryGetProperty("ExecutionParameters", out _));
        Assert.False(body.RootElement.TryGetProperty("ResultReuseConfiguration", out _));
        Assert.InRange(body.RootElement.GetProperty("ClientRequestToken").GetString()!.Length, 32, 128);
    }

    [Fact]
    public async Task EveryRequest_CarriesASigV4SignatureThatVerifiesIndependently()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("GetQueryExecution", QueryExecution("RUNNING"));

        await host.Client.GetQueryExecutionAsync(QueryId, Token);

        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("20241125T203000Z", request.Header("X-Amz-Date"));
        var match = AuthorizationPattern().Match(request.Header("Authorization"));
        Assert.True(match.Success, request.Header("Authorization"));
        Assert.Equal($"{AthenaTestHost.AccessKey}/20241125/eu-west-1/athena/aws4_request", match.Groups["credential"].Value);
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        Assert.Equal(["content-type", "host", "x-amz-date", "x-amz-target"], signedHeaders);

        var canonical = SigV4Reference.CanonicalRequest(request, signedHeaders);
        var expected = SigV4Reference.Signature(AthenaTestHost.SecretKey, "20241125T203000Z", "eu-west-1", "athena", canonical);
        Assert.Equal(expected, match.Groups["signature"].Value);
        Assert.Equal($$"""{"QueryExecutionId":"{{QueryId}}"}""", request.BodyText);
    }

    [Fact]
    public async Task SessionCredentials_SendTheSecurityTokenAndSignIt()
    {
        using var host = new AthenaTestHost(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "the-session-token"));
        host.Handler.Respond("StopQueryExecution", StopQueryExecution);

        await host.Client.StopQueryExecutionAsync(QueryId, Token);

        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("AmazonAthena.StopQueryExecution", request.Header("X-Amz-Target"));
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        var match = AuthorizationPattern().Match(request.Header("Authorization"));
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        Assert.Contains("x-amz-security-token", signedHeaders);
        var expected = SigV4Reference.Signature("secret", request.Header("X-Amz-Date"), "eu-west-1", "athena",
            SigV4Reference.CanonicalRequest(request, signedHeaders));
        Assert.Equal(expected, match.Groups["signature"].Value);
    }

    [Fact]
    public async Task GetQueryExecution_MapsStateStatisticsAndError()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("GetQueryExecution", QueryExecution("FAILED", "SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved",
            """{"ErrorCategory": 2, "ErrorType": 1006, "Retryable": false, "ErrorMessage": "line 1:8: Column 'x' cannot be resolved"}"""));

        var execution = await host.Client.GetQueryExecutionAsync(QueryId, Token);

        Assert.Equal(AthenaQueryState.Failed, execution.State);
        Assert.Equal("SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved", execution.StateChangeReason);
        Assert.Equal(new AthenaQueryError(2, 1006, false, "line 1:8: Column 'x' cannot be resolved"), execution.Error);
        Assert.Equal(new AthenaQueryStatistics(987654, 1234, 1500, 120, false), execution.Statistics);
        Assert.Equal("DML", execution.StatementType);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_732_560_000_123), execution.SubmittedAt);
        Assert.True(execution.IsFinished);
    }

    [Fact]
    public async Task GetQueryResults_SkipsTheHeaderRowAndTypesValues()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("GetQueryResults", ResultsPage1).Respond("GetQueryResults", ResultsPage2);

        var first = await host.Client.GetQueryResultsAsync(QueryId, null, 1000, Token);
        var second = await host.Client.GetQueryResultsAsync(QueryId, first.NextToken, 500, Token);

        Assert.Equal(["cinema_id", "business_date", "sessions", "occupancy", "first_start", "sold_out", "revenue", "screens"], first.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(DateOnly), typeof(long), typeof(double), typeof(DateTime), typeof(bool), typeof(decimal), typeof(int)],
            first.Columns.Select(c => c.ClrType));
        Assert.Equal((18, 2), (first.Columns[6].Precision, first.Columns[6].Scale));
        Assert.Equal("AEXAMPLETOKEN1", first.NextToken);
        Assert.Equal(2, first.Rows.Count);
        Assert.Equal(["C001", new DateOnly(2024, 3, 1), 42L, 0.731, new DateTime(2024, 3, 1, 10, 15, 0), false, 12345.67m, 9], first.Rows[0]);
        Assert.Equal(["O'Brien Plaza", new DateOnly(2024, 3, 2), 9_000_000_000L, 1.0E-4, new DateTime(2024, 3, 2, 23, 59, 59, 999), true, -0.50m, -1], first.Rows[1]);
        Assert.Null(second.NextToken);
        Assert.Equal(["C003", null, null, null, null, null, null, null], Assert.Single(second.Rows));

        var requests = host.Handler.Calls("GetQueryResults");
        using var firstBody = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(QueryId, firstBody.RootElement.GetProperty("QueryExecutionId").GetString());
        Assert.Equal(1000, firstBody.RootElement.GetProperty("MaxResults").GetInt32());
        Assert.False(firstBody.RootElement.TryGetProperty("NextToken", out _));
        using var secondBody = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("AEXAMPLETOKEN1", secondBody.RootElement.GetProperty("NextToken").GetString());
        Assert.Equal(500, secondBody.RootElement.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task GetQueryResults_RejectsPagesOverAthenasLimit()
    {
        using var host = new AthenaTestHost();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.GetQueryResultsAsync(QueryId, null, 1001, Token));
    }

    [Fact]
    public async Task InvalidRequest_SurfacesAthenasMessageWithoutRetrying()
    {
        using var host = new AthenaTestHost();
        host.Handler.Respond("StartQueryExecution",
            Error("InvalidRequestException", "line 1:15: Table 'cinema_stats.fact_sesion' does not exist", "\"AthenaErrorCode\":\"INVALID_INPUT\""),
            HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AthenaException>(() =>
            host.Client.StartQueryExecutionAsync(new AthenaStartQueryRequest("SELECT * FROM fact_sesion"), Token));

        Assert.Equal("InvalidRequestException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Table 'cinema_stats.fact_sesion' does not exist", error.Message);
        Assert.Contains("INVALID_INPUT", error.Message);
        Assert.Single(host.Handler.Requests);
        Assert.Empty(host.Clock.Waits);
    }

    [Fact]
    public async Task Throttling_IsRetriedWithGrowingBackOff()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("GetQueryExecution", Error("ThrottlingException", "Rate exceeded"), HttpStatusCode.BadRequest)
            .Respond("GetQueryExecution", Error("com.amazonaws.athena#TooManyRequestsException", "Rate exceeded"), HttpStatusCode.BadRequest)
            .Respond("GetQueryExecution", QueryExecution("SUCCEEDED"));

        var execution = await host.Client.GetQueryExecutionAsync(QueryId, Token);

        Assert.Equal(AthenaQueryState.Succeeded, execution.State);
        Assert.Equal(3, host.Handler.Requests.Count);
        var waits = host.Clock.Waits;
        Assert.Equal(2, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(waits[1], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task PersistentThrottling_EndsInAClearThrottlingError()
    {
        using var host = new AthenaTestHost(configure: o => o.MaxErrorRetries = 3);
        host.Handler.Respond("StartQueryExecution",
            Error("TooManyRequestsException", "You have exceeded the limit for the number of queries you can run concurrently.",
                "\"Reason\":\"CONCURRENT_QUERY_LIMIT_EXCEEDED\""),
            HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<AthenaThrottledException>(() =>
            host.Client.StartQueryExecutionAsync(new AthenaStartQueryRequest("SELECT 1"), Token));

        Assert.StartsWith("Athena is throttling StartQueryExecution", error.Message);
        Assert.Contains("CONCURRENT_QUERY_LIMIT_EXCEEDED", error.Message);
        Assert.Contains("after 3 retries", error.Message);
        Assert.Equal(4, host.Handler.Requests.Count);
        // Retries of a start reuse the same token, so Athena runs the query at most once.
        Assert.Single(host.Handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("ClientRequestToken").GetString()).Distinct());
    }

    [Fact]
    public async Task ServerErrors_AreRetried()
    {
        using var host = new AthenaTestHost();
        host.Handler
            .Respond("StopQueryExecution", Error("InternalServerException", "Internal error"), HttpStatusCode.InternalServerError)
            .Respond("StopQueryExecution", "<html>503 Service Unavailable</html>", HttpStatusCode.ServiceUnavailable)
            .Respond("StopQueryExecution", StopQueryExecution);

        await host.Client.StopQueryExecutionAsync(QueryId, Token);

        Assert.Equal(3, host.Handler.Requests.Count);
    }

    [Fact]
    public async Task ServiceUrl_OverridesTheEndpoint()
    {
        using var host = new AthenaTestHost(configure: o => o.ServiceUrl = "https://vpce-0123.athena.eu-west-1.vpce.amazonaws.com/");
        host.Handler.Respond("StopQueryExecution", StopQueryExecution);

        await host.Client.StopQueryExecutionAsync(QueryId, Token);

        Assert.Equal("vpce-0123.athena.eu-west-1.vpce.amazonaws.com", Assert.Single(host.Handler.Requests).Uri.Host);
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
