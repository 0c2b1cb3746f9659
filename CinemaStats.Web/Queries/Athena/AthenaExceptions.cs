using System.Net;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>Athena refused a call: <see cref="ErrorCode"/> is its <c>__type</c> (e.g. <c>InvalidRequestException</c>).</summary>
public class AthenaException(string message, string? errorCode = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string? ErrorCode { get; } = errorCode;

    public HttpStatusCode? StatusCode { get; } = statusCode;
}

/// <summary>Athena kept throttling after every retry; wait, or run fewer queries at once.</summary>
public sealed class AthenaThrottledException(string message, string errorCode, HttpStatusCode statusCode)
    : AthenaException(message, errorCode, statusCode);

/// <summary>The query ran and ended <c>FAILED</c>; the message carries Athena's reason and the query id.</summary>
public sealed class AthenaQueryFailedException(AthenaQueryExecution execution)
    : AthenaException(Describe(execution))
{
    public AthenaQueryExecution Execution { get; } = execution;

    public string QueryExecutionId => Execution.QueryExecutionId;

    private static string Describe(AthenaQueryExecution execution)
    {
        var reason = execution.Error?.ErrorMessage ?? execution.StateChangeReason ?? "no reason given";
        var kind = execution.Error is { ErrorCategory: { } category, ErrorType: { } type }
            ? $" (error category {category}, type {type}{(execution.Error.Retryable ? ", retryable" : "")})"
            : "";
        return $"Athena query {execution.QueryExecutionId} failed: {reason}{kind}";
    }
}

/// <summary>The query ended <c>CANCELLED</c>, stopped by someone else or by Athena itself.</summary>
public sealed class AthenaQueryCancelledException(AthenaQueryExecution execution)
    : OperationCanceledException($"Athena query {execution.QueryExecutionId} was cancelled: {execution.StateChangeReason ?? "no reason given"}")
{
    public AthenaQueryExecution Execution { get; } = execution;
}

/// <summary>The query outlived its timeout and was stopped.</summary>
public sealed class AthenaQueryTimeoutException(string queryExecutionId, TimeSpan timeout)
    : TimeoutException($"Athena query {queryExecutionId} did not finish within {timeout.TotalSeconds:0.#} s and was stopped.")
{
    public string QueryExecutionId { get; } = queryExecutionId;
}
