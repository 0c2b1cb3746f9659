using CinemaStats.Web.Queries.Published;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Runs the catalogue's SQL on Athena: every value goes as an execution parameter, in the
/// configured workgroup, with result reuse; a query whose caller gives up is stopped (by the runner).
/// The tables are the Glue tables over the same published files, so the catalog is not needed here.
/// </summary>
public sealed class AthenaQueryEngine(AthenaQueryRunner runner) : IQueryEngine
{
    public async Task<QueryResult> ExecuteAsync(QueryRequest request, PublishedCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(request.Sql, request.Parameters,
                new AthenaRunOptions { MaxRows = request.MaxRows, Timeout = request.Timeout }, cancellationToken);
            var rows = result.Rows.Select(row => row.Select(QueryValues.Normalize).ToArray()).ToList();
            return new QueryResult(result.Columns.Select(c => c.Name).ToList(), rows, result.Truncated);
        }
        catch (AthenaQueryTimeoutException)
        {
            throw new QueryTimeoutException(request.Name, request.Timeout);
        }
    }
}
