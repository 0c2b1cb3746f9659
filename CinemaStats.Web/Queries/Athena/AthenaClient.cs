using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// The four Athena calls the query engine needs, over Athena's JSON 1.1 HTTPS API (there is no
/// AWSSDK.Athena package here). Requests are SigV4-signed with credentials from the AWS SDK's
/// chain; throttled and 5xx calls are retried with jittered exponential back-off.
/// </summary>
public sealed class AthenaClient(
    HttpClient httpClient,
    IOptions<AthenaOptions> options,
    AWSCredentials credentials,
    TimeProvider timeProvider,
    ILogger<AthenaClient> logger)
{
    public const string ServiceName = "athena";
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetHeader = "X-Amz-Target";

    /// <summary>Athena's limit on <c>MaxResults</c> of <c>GetQueryResults</c>.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Athena's limit on <c>MaxAgeInMinutes</c> of result reuse (7 days).</summary>
    private const int MaxReuseAgeMinutes = 10_080;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(20);

    private readonly AthenaOptions _options = options.Value;
    private readonly Uri _endpoint = options.Value.GetEndpoint();
    private readonly AwsSigV4Signer _signer = new(options.Value.Region, ServiceName);

    /// <summary>Starts a query and returns its <c>QueryExecutionId</c>.</summary>
    /// <remarks>A client request token is generated when none is given, so a retried start never runs the query twice.</remarks>
    public async Task<string> StartQueryExecutionAsync(AthenaStartQueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.QueryString);
        var database = request.Database ?? _options.Database;
        var catalog = request.Catalog ?? _options.Catalog;
        var input = new StartQueryExecutionInput(
            request.QueryString,
            request.ClientRequestToken ?? Guid.NewGuid().ToString("D"),
            new QueryExecutionContextWire(database, catalog),
            request.WorkGroup ?? _options.WorkGroup,
            request.ExecutionParameters.Count > 0 ? request.ExecutionParameters : null,
            request.ResultReuseMaxAge is { } age && age > TimeSpan.Zero
                ? new ResultReuseConfigurationWire(new ResultReuseByAgeConfigurationWire(true, ReuseMinutes(age)))
                : null);
        var output = await SendAsync("StartQueryExecution", input, AthenaJsonContext.Default.StartQueryExecutionInput,
            AthenaJsonContext.Default.QueryExecutionIdWire, cancellationToken);
        return output.QueryExecutionId;
    }

    public async Task<AthenaQueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        var output = await SendAsync("GetQueryExecution", new QueryExecutionIdWire(queryExecutionId),
            AthenaJsonContext.Default.QueryExecutionIdWire, AthenaJsonContext.Default.GetQueryExecutionOutput, cancellationToken);
        var execution = output.QueryExecution
            ?? throw new AthenaException($"Athena's GetQueryExecution answer for {queryExecutionId} has no QueryExecution.");
        return Map(queryExecutionId, execution);
    }

    /// <summary>
    /// One page of results with typed values. On the first page (no <paramref name="nextToken"/>)
    /// the header row Athena adds for SELECT queries (the column names again) is dropped.
    /// </summary>
    public async Task<AthenaResultPage> GetQueryResultsAsync(
        string queryExecutionId, string? nextToken, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, MaxPageSize);
        var output = await SendAsync("GetQueryResults", new GetQueryResultsInput(queryExecutionId, nextToken, maxResults),
            AthenaJsonContext.Default.GetQueryResultsInput, AthenaJsonContext.Default.GetQueryResultsOutput, cancellationToken);

        var columns = (output.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [])
            .Select(c => new AthenaColumn(c.Name, c.Type, AthenaValueMapping.ClrType(c.Type), c.Precision, c.Scale))
            .ToList();
        IEnumerable<RowWire> rows = output.ResultSet?.Rows ?? [];
        if (nextToken is null && rows.FirstOrDefault() is { } first && IsHeaderRow(first, columns))
        {
            rows = rows.Skip(1);
        }
        var typed = rows.Select(row => TypedRow(row, columns)).ToList();
        return new AthenaResultPage(columns, typed, output.NextToken, output.UpdateCount);
    }

    public async Task StopQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        await SendAsync("StopQueryExecution", new QueryExecutionIdWire(queryExecutionId),
            AthenaJsonContext.Default.QueryExecutionIdWire, AthenaJsonContext.Default.StopQueryExecutionOutput, cancellationToken);

    private async Task<TOut> SendAsync<TIn, TOut>(
        string operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> output, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, inputType);
        for (var attempt = 0; ; attempt++)
        {
            var identity = await credentials.GetCredentialsAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
            request.Headers.TryAddWithoutValidation(TargetHeader, $"AmazonAthena.{operation}");
            _signer.Sign(request, body, identity, timeProvider.GetUtcNow());

            AthenaException failure;
            try
            {
                using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadOutputAsync(operation, stream, output, cancellationToken);
                }
                failure = await ReadErrorAsync(operation, response.StatusCode, stream, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                failure = new AthenaException($"Athena {operation} could not be sent to {_endpoint}: {e.Message}", innerException: e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new AthenaException($"Athena {operation} got no answer from {_endpoint} in time.", innerException: e);
            }

            var retryable = failure is AthenaThrottledException || failure.StatusCode is null or >= HttpStatusCode.InternalServerError;
            if (!retryable || attempt >= _options.MaxErrorRetries)
            {
                throw attempt == 0 || !retryable ? failure : Exhausted(operation, failure, attempt);
            }
            var delay = RetryDelay(attempt);
            logger.LogWarning("Athena {Operation} failed ({Error}); retry {Retry} of {MaxRetries} in {Delay} ms",
                operation, failure.ErrorCode ?? failure.Message, attempt + 1, _options.MaxErrorRetries, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private static async Task<TOut> ReadOutputAsync<TOut>(
        string operation, Stream stream, JsonTypeInfo<TOut> output, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, output, cancellationToken)
                ?? throw new AthenaException($"Athena answered {operation} with an empty body.");
        }
        catch (JsonException e)
        {
            throw new AthenaException($"Athena's answer to {operation} is not the JSON its API describes: {e.Message}", innerException: e);
        }
    }

    private static async Task<AthenaException> ReadErrorAsync(
        string operation, HttpStatusCode status, Stream stream, CancellationToken cancellationToken)
    {
        ErrorWire? error = null;
        try
        {
            error = await JsonSerializer.DeserializeAsync(stream, AthenaJsonContext.Default.ErrorWire, cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy or load balancer answered with something other than Athena's JSON; the status says enough.
        }
        var code = ErrorCode(error?.Type) ?? (status == HttpStatusCode.TooManyRequests ? "TooManyRequestsException" : $"HTTP {(int)status}");
        var message = error?.Message ?? error?.LowerCaseMessage ?? "no message";
        var detail = error?.Reason ?? error?.AthenaErrorCode;
        var text = $"{message}{(detail is null ? "" : $" ({detail})")}";
        return IsThrottling(code, status)
            ? new AthenaThrottledException($"Athena is throttling {operation}: {text}", code, status)
            : new AthenaException($"Athena rejected {operation} with {code}: {text}", code, status);
    }

    private AthenaException Exhausted(string operation, AthenaException last, int retries) => last switch
    {
        AthenaThrottledException throttled => new AthenaThrottledException(
            $"{throttled.Message}. Gave up after {retries} retries; run fewer queries at once or raise the account's Athena quotas.",
            throttled.ErrorCode!, throttled.StatusCode!.Value),
        _ => new AthenaException($"{last.Message} (gave up after {retries} retries of {operation})", last.ErrorCode, last.StatusCode, last),
    };

    /// <summary><c>__type</c> may be a bare name or qualified, as in <c>com.amazonaws.athena#InvalidRequestException</c>.</summary>
    private static string? ErrorCode(string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }
        var name = type[(type.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    private static bool IsThrottling(string code, HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests
        || code is "ThrottlingException" or "TooManyRequestsException" or "Throttling" or "ThrottledException"
            or "RequestLimitExceeded" or "RequestThrottled" or "RequestThrottledException" or "SlowDown";

    /// <summary>Exponential with "equal jitter": half fixed, half random, so concurrent callers spread out.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var nominal = Math.Min(_options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt), MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(nominal / 2 + Random.Shared.NextDouble() * nominal / 2);
    }

    private static int ReuseMinutes(TimeSpan age) => Math.Clamp((int)age.TotalMinutes, 1, MaxReuseAgeMinutes);

    private static bool IsHeaderRow(RowWire row, IReadOnlyList<AthenaColumn> columns) =>
        row.Data is { } data && columns.Count > 0 && data.Count == columns.Count
        && data.Zip(columns).All(p => string.Equals(p.First.VarCharValue, p.Second.Name, StringComparison.OrdinalIgnoreCase));

    private static object?[] TypedRow(RowWire row, IReadOnlyList<AthenaColumn> columns)
    {
        var data = row.Data ?? [];
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length && i < data.Count; i++)
        {
            values[i] = AthenaValueMapping.Convert(data[i].VarCharValue, columns[i].AthenaType);
        }
        return values;
    }

    private static AthenaQueryExecution Map(string requestedId, QueryExecutionWire wire)
    {
        var status = wire.Status;
        var state = status?.State switch
        {
            "QUEUED" => AthenaQueryState.Queued,
            "RUNNING" => AthenaQueryState.Running,
            "SUCCEEDED" => AthenaQueryState.Succeeded,
            "FAILED" => AthenaQueryState.Failed,
            "CANCELLED" => AthenaQueryState.Cancelled,
            var other => throw new AthenaException($"Athena reported query {requestedId} in an unknown state '{other}'."),
        };
        var error = status?.AthenaError is { } e ? new AthenaQueryError(e.ErrorCategory, e.ErrorType, e.Retryable ?? false, e.ErrorMessage) : null;
        var statistics = wire.Statistics is { } s
            ? new AthenaQueryStatistics(s.DataScannedInBytes, s.EngineExecutionTimeInMillis, s.TotalExecutionTimeInMillis,
                s.QueryQueueTimeInMillis, s.ResultReuseInformation?.ReusedPreviousResult ?? false)
            : null;
        return new AthenaQueryExecution(
            wire.QueryExecutionId ?? requestedId, state, status?.StateChangeReason, error, statistics, wire.StatementType,
            FromEpochSeconds(status?.SubmissionDateTime), FromEpochSeconds(status?.CompletionDateTime));
    }

    /// <summary>JSON 1.1 timestamps are seconds since the epoch, with a fraction.</summary>
    private static DateTimeOffset? FromEpochSeconds(double? seconds) =>
        seconds is { } s ? DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(s * 1000)) : null;
}
