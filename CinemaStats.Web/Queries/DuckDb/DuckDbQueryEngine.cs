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
    }

    public void Dispose() => _current?.Retire();

    private async Task<DuckDbViewSet> ViewsForAsync(PublishedCatalog catalog, CancellationToken cancellationToken)
    {
        if (_current is { } current && current.Fingerprint == catalog.Fingerprint)
        {
            return current;
        }
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Fingerprint == catalog.Fingerprint)
            {
                return built;
            }
            var next = DuckDbViewSet.Create(catalog);
            var previous = _current;
            _current = next;
            previous?.Retire();
            return next;
        }
        finally
        {
            _rebuild.Release();
        }
    }

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
