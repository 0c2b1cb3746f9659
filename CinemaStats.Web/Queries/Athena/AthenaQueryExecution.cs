namespace CinemaStats.Web.Queries.Athena;

/// <summary>Athena's <c>QueryExecutionStatus.State</c>.</summary>
public enum AthenaQueryState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Athena's <c>AthenaError</c>: category 1 is system, 2 user, 3 other; the types are in Athena's error catalog.</summary>
public sealed record AthenaQueryError(int? ErrorCategory, int? ErrorType, bool Retryable, string? ErrorMessage);

public sealed record AthenaQueryStatistics(
    long? DataScannedInBytes,
    long? EngineExecutionTimeInMillis,
    long? TotalExecutionTimeInMillis,
    long? QueryQueueTimeInMillis,
    bool ReusedPreviousResult);

/// <summary>What <c>GetQueryExecution</c> says about one query.</summary>
public sealed record AthenaQueryExecution(
    string QueryExecutionId,
    AthenaQueryState State,
    string? StateChangeReason,
    AthenaQueryError? Error,
    AthenaQueryStatistics? Statistics,
    string? StatementType,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt)
{
    public bool IsFinished => State is AthenaQueryState.Succeeded or AthenaQueryState.Failed or AthenaQueryState.Cancelled;
}
