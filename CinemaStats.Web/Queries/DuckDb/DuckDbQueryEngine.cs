using System.Data.Common;
using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// Runs the catalogue's SQL on DuckDB over the published Parquet, read in place (filesystem mode)
/// or from the local mirror (S3 modes). The views of a data version are built once and their
/// connections reused; a query that outlives its timeout, or whose caller gives up, is interrupted.
/// <para>
/// The first query of a new data version builds views over its files and runs on them at once, so
/// it sees exactly the new data; meanwhile the tables the dashboard reads
/// (<see cref="KpiCatalogue.TablesRead"/>, up to <see cref="QueryOptions.InMemoryTableMaxBytes"/>
/// each) are copied into memory in the background, and the set with the copies replaces the views
/// when it is ready. One load runs at a time; a version superseded while it loads is not loaded.
/// </para>
/// </summary>
public sealed class DuckDbQueryEngine(IOptions<QueryOptions> options, ILogger<DuckDbQueryEngine> logger) : IQueryEngine, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly Lock _loadGate = new();
    private volatile DuckDbViewSet? _current;
    private volatile DuckDbViewSet? _previous;
    private PublishedCatalog? _toLoad;
    private Task _loading = Task.CompletedTask;
    private bool _loaderRunning;
    private volatile bool _disposed;

    /// <summary>An engine with the default options (benchmarks, tests).</summary>
    public DuckDbQueryEngine()
        : this(Options.Create(new QueryOptions()), NullLogger<DuckDbQueryEngine>.Instance)
    {
    }

    /// <summary>Completes when no in-memory load is running or waiting (the latest version seen is loaded, or failed to).</summary>
    public Task LoadedAsync()
    {
        lock (_loadGate)
        {
            return _loading;
        }
    }

    public async Task<QueryResult> ExecuteAsync(QueryRequest request, PublishedCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxRows, 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        try
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                deadline.Token.ThrowIfCancellationRequested();
                var views = await ViewsForAsync(catalog, deadline.Token);
                if (views.TryLease() is not { } connection)
                {
                    // Retired just now (its in-memory copy or a newer version took its place): look
                    // again, after letting the swap finish, instead of spinning on the same set.
                    await Task.Yield();
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
        _disposed = true;
        _rebuild.Wait();
        try
        {
            _current?.Retire();
            _previous?.Retire();
        }
        finally
        {
            _rebuild.Release();
        }
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
            ObjectDisposedException.ThrowIf(_disposed, this);
            var next = DuckDbViewSet.Create(catalog);
            _previous?.Retire();
            (_previous, _current) = (_current, next);
            RequestLoad(catalog);
            return next;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private bool ShouldLoad(TableSchema table, long parquetBytes) =>
        KpiCatalogue.TablesRead.Contains(table.Name) && parquetBytes <= options.Value.InMemoryTableMaxBytes;

    private void RequestLoad(PublishedCatalog catalog)
    {
        if (options.Value.InMemoryTableMaxBytes <= 0)
        {
            return;
        }
        lock (_loadGate)
        {
            _toLoad = catalog;
            if (!_loaderRunning)
            {
                _loaderRunning = true;
                _loading = Task.Run(LoadPending);
            }
        }
    }

    /// <summary>Loads the latest requested version, again while newer ones are requested during a load.</summary>
    private void LoadPending()
    {
        var finished = false;
        try
        {
            while (true)
            {
                PublishedCatalog catalog;
                lock (_loadGate)
                {
                    if (_toLoad is null || _disposed)
                    {
                        _toLoad = null;
                        _loaderRunning = false;
                        finished = true;
                        return;
                    }
                    catalog = _toLoad;
                    _toLoad = null;
                }
                if (_current?.Fingerprint == catalog.Fingerprint)
                {
                    Load(catalog);
                }
            }
        }
        finally
        {
            if (!finished)
            {
                lock (_loadGate)
                {
                    _loaderRunning = false;
                }
            }
        }
    }

    private void Load(PublishedCatalog catalog)
    {
        DuckDbViewSet loaded;
        var timer = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            loaded = DuckDbViewSet.Create(catalog, ShouldLoad);
        }
        catch (Exception e) when (e is DuckDBException or IOException)
        {
            // A file replaced by a newer publication: that one will be loaded when a query first sees it.
            logger.LogInformation(e, "Loading data version {Version} into memory failed; its queries read the Parquet files", catalog.Fingerprint);
            return;
        }
        _rebuild.Wait();
        try
        {
            if (_disposed || _current is not { } views || views.Fingerprint != catalog.Fingerprint)
            {
                loaded.Retire();
                return;
            }
            _current = loaded;
            views.Retire();
        }
        finally
        {
            _rebuild.Release();
        }
        logger.LogInformation("Data version {Version} loaded into memory in {Elapsed} ms: {Tables}",
            catalog.Fingerprint, (long)timer.Elapsed.TotalMilliseconds, string.Join(", ", loaded.Loaded));
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
