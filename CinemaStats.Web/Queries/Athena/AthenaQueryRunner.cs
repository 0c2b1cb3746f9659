using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Runs one query to completion: start it, poll its state with exponential back-off (from
/// <see cref="AthenaOptions.PollInitialDelay"/>, doubling up to <see cref="AthenaOptions.PollMaxDelay"/>),
/// then page its rows up to a limit. A query whose caller gives up, or which outlives its
/// timeout, is stopped so it does not keep scanning (and billing) in the background.
/// </summary>
public sealed class AthenaQueryRunner(
    AthenaClient client,
    IOptions<AthenaOptions> options,
    TimeProvider timeProvider,
    ILogger<AthenaQueryRunner> logger)
{
    /// <summary>How long stopping an abandoned query may take; the caller is already gone.</summary>
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(10);

    private readonly AthenaOptions _options = options.Value;

    /// <summary>
    /// Runs <paramref name="sql"/> with <paramref name="parameters"/> bound, in order, to its
    /// <c>?</c> placeholders as Athena execution parameters (see <see cref="AthenaLiteral"/>).
    /// </summary>
    /// <exception cref="AthenaQueryFailedException">The query ended FAILED.</exception>
    /// <exception cref="AthenaQueryCancelledException">The query was cancelled outside this call.</exception>
    /// <exception cref="AthenaQueryTimeoutException">The query outlived its timeout and was stopped.</exception>
    /// <exception cref="AthenaThrottledException">Athena kept throttling after every retry.</exception>
    public async Task<AthenaQueryResult> RunAsync(
        string sql, IReadOnlyList<object?> parameters, AthenaRunOptions? runOptions, CancellationToken cancellationToken)
    {
        runOptions ??= new AthenaRunOptions();
        var maxRows = runOptions.MaxRows ?? _options.MaxRows;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var request = new AthenaStartQueryRequest(sql)
        {
            ExecutionParameters = AthenaLiteral.FormatAll(parameters),
            WorkGroup = runOptions.WorkGroup,
            ResultReuseMaxAge = runOptions.ResultReuseMaxAge ?? _options.ResultReuseMaxAge,
            ClientRequestToken = runOptions.ClientRequestToken,
        };

        var queryId = await client.StartQueryExecutionAsync(request, cancellationToken);
        AthenaQueryExecution execution;
        try
        {
            execution = await WaitForCompletionAsync(queryId, runOptions.Timeout ?? _options.QueryTimeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopAsync(queryId, "the caller cancelled");
            throw;
        }

        var (columns, rows, truncated) = await ReadRowsAsync(queryId, maxRows, cancellationToken);
        logger.LogDebug("Athena query {QueryId}: {Rows} rows, {Bytes} bytes scanned, reused {Reused}",
            queryId, rows.Count, execution.Statistics?.DataScannedInBytes, execution.Statistics?.ReusedPreviousResult);
        return new AthenaQueryResult(queryId, columns, rows, truncated, execution.Statistics);
    }

    private async Task<AthenaQueryExecution> WaitForCompletionAsync(string queryId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        var delay = _options.PollInitialDelay;
        while (true)
        {
            var execution = await client.GetQueryExecutionAsync(queryId, cancellationToken);
            switch (execution.State)
            {
                case AthenaQueryState.Succeeded:
                    return execution;
                case AthenaQueryState.Failed:
                    throw new AthenaQueryFailedException(execution);
                case AthenaQueryState.Cancelled:
                    throw new AthenaQueryCancelledException(execution);
            }
            var remaining = timeout - (timeProvider.GetUtcNow() - started);
            if (remaining <= TimeSpan.Zero)
            {
                await StopAsync(queryId, "it timed out");
                throw new AthenaQueryTimeoutException(queryId, timeout);
            }
            await Task.Delay(delay < remaining ? delay : remaining, timeProvider, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.PollMaxDelay.Ticks));
        }
    }

    private async Task<(IReadOnlyList<AthenaColumn> Columns, List<object?[]> Rows, bool Truncated)> ReadRowsAsync(
        string queryId, int maxRows, CancellationToken cancellationToken)
    {
        IReadOnlyList<AthenaColumn> columns = [];
        var rows = new List<object?[]>();
        string? nextToken = null;
        do
        {
            // One more than needed on the first page, where the header row takes a place.
            var pageSize = Math.Min(AthenaClient.MaxPageSize, maxRows - rows.Count + (nextToken is null ? 1 : 0));
            var page = await client.GetQueryResultsAsync(queryId, nextToken, pageSize, cancellationToken);
            if (columns.Count == 0)
            {
                columns = page.Columns;
            }
            rows.AddRange(page.Rows.Take(maxRows - rows.Count));
            nextToken = page.NextToken;
        }
        while (nextToken is not null && rows.Count < maxRows);
        return (columns, rows, nextToken is not null);
    }

    /// <summary>Best effort: the query may have finished meanwhile, and the caller's error matters more.</summary>
    private async Task StopAsync(string queryId, string why)
    {
        try
        {
            using var budget = new CancellationTokenSource(StopBudget);
            await client.StopQueryExecutionAsync(queryId, budget.Token);
            logger.LogInformation("Stopped Athena query {QueryId} because {Why}", queryId, why);
        }
        catch (Exception e) when (e is AthenaException or OperationCanceledException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not stop Athena query {QueryId} after {Why}", queryId, why);
        }
    }
}
