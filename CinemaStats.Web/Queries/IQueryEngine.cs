using CinemaStats.Web.Queries.Published;

namespace CinemaStats.Web.Queries;

/// <summary>
/// Runs one statement of the application's own SQL. Values reach the engine only as
/// <see cref="QueryRequest.Parameters"/>, bound in order to the statement's <c>?</c> placeholders
/// (the one placeholder syntax DuckDB and Athena both accept); never as SQL text.
/// </summary>
public interface IQueryEngine
{
    /// <summary>
    /// Runs <paramref name="request"/> over the tables as <paramref name="catalog"/> publishes them.
    /// </summary>
    /// <exception cref="QueryTimeoutException">The query ran longer than <see cref="QueryRequest.Timeout"/> and was stopped.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the query was stopped.</exception>
    Task<QueryResult> ExecuteAsync(QueryRequest request, PublishedCatalog catalog, CancellationToken cancellationToken);
}

/// <param name="Name">The catalogue name of the query, for logs and metrics.</param>
/// <param name="Sql">The statement, with one <c>?</c> per parameter.</param>
/// <param name="Parameters">Values for the placeholders, in order.</param>
/// <param name="MaxRows">Rows returned at most; <see cref="QueryResult.Truncated"/> says more were there.</param>
/// <param name="Timeout">How long the query may run before it is stopped.</param>
public sealed record QueryRequest(string Name, string Sql, IReadOnlyList<object?> Parameters, int MaxRows, TimeSpan Timeout);

/// <summary>Rows of a finished query; each value is null (SQL NULL) or one of string, long, int, double, bool, DateOnly, DateTime.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

/// <summary>A query ran longer than its timeout and was stopped.</summary>
public sealed class QueryTimeoutException(string query, TimeSpan timeout)
    : TimeoutException($"Query {query} ran longer than {timeout.TotalSeconds:0.#} s and was stopped. Narrow the date range or filters, or raise Query:Timeout.")
{
    public string Query { get; } = query;
}
