using System.Data.Common;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// Runs the catalogue's SQL on DuckDB over the published Parquet, read in place (filesystem mode)
/// or from the local mirror (S3 modes). The views of a data version are built once and their
/// connections reused; a query that outlives its timeout, or whose caller gives up, is interrupted.
/// </summary>
public sealed class DuckDbQueryEngine : IQueryEngine, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile DuckDbViewSet? _current;
    private volatile DuckDbViewSet? _previous;

    public async Task<QueryResult> ExecuteAsync(QueryRequest request, PublishedCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxRows, 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        try
        {
            while (true)
            {
                var views = await ViewsForAsync(catalog, deadline.Token);
                if (views.TryLease() is not { } connection)
                {
                    continue;
                }
                try
                {
                    // DuckDB's .NET API is synchronous: run it off the caller's thread so cancellation can interrupt it.
                    return await Task.Run(() => Run(connection, request, deadline.Token), deadline.Token);
                }
                finally
                {
                    views.Return(connection);
                }
            }
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or DuckDBException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new QueryTimeoutException(request.Name, request.Timeout);
        }
        catch (DuckDBException e) when (catalog.LocalRoot is { } root && IsMissingFile(e, root))
        {
            throw new StaleCatalogException($"Query {request.Name} read a file that a newer publication removed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _current?.Retire();
        _previous?.Retire();
    }

    /// <summary>DuckDB says "Cannot open file … No such file" or "No files found that match the pattern …" for a published file that is gone.</summary>
    private static bool IsMissingFile(DuckDBException e, string root) =>
        (e.Message.Contains("No such file", StringComparison.Ordinal) || e.Message.Contains("No files found", StringComparison.Ordinal))
        && e.Message.Contains(root, StringComparison.Ordinal);

    /// <summary>
    /// The view set of <paramref name="catalog"/>. The one before the current stays open too, so a
    /// query that read the catalog just before a new publication does not rebuild (and swap back to) it.
    /// </summary>
    private async Task<DuckDbViewSet> ViewsForAsync(PublishedCatalog catalog, CancellationToken cancellationToken)
    {
        if (Matching(catalog) is { } ready)
        {
            return ready;
        }
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (Matching(catalog) is { } built)
            {
                return built;
            }
            var next = DuckDbViewSet.Create(catalog);
            _previous?.Retire();
            (_previous, _current) = (_current, next);
            return next;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private DuckDbViewSet? Matching(PublishedCatalog catalog) =>
        _current is { } current && current.Fingerprint == catalog.Fingerprint ? current
        : _previous is { } previous && previous.Fingerprint == catalog.Fingerprint ? previous
        : null;

    private static QueryResult Run(DuckDBConnection connection, QueryRequest request, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = request.Sql;
        foreach (var value in request.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }
        using var interrupt = cancellationToken.Register(command.Cancel);
        cancellationToken.ThrowIfCancellationRequested();
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        var truncated = false;
        while (reader.Read())
        {
            if (rows.Count == request.MaxRows)
            {
                truncated = true;
                break;
            }
            rows.Add(ReadRow(reader));
            cancellationToken.ThrowIfCancellationRequested();
        }
        return new QueryResult(columns, rows, truncated);
    }

    private static object?[] ReadRow(DbDataReader reader)
    {
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : QueryValues.Normalize(reader.GetValue(i));
        }
        return values;
    }
}
