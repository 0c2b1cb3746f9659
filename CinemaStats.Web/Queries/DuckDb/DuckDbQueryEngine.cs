using System.Data.Common;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// Runs the catalogue's SQL on DuckDB over the published Parquet, read in place (filesystem mode)
/// or from the local mirror (S3 modes). A query that outlives its timeout, or whose caller gives
/// up, is interrupted.
/// <para>
/// One long-lived database (<see cref="DuckDbResidentTables"/>) holds the tables the dashboard
/// reads (<see cref="KpiCatalogue.TablesRead"/>, up to <see cref="QueryOptions.InMemoryTableMaxBytes"/>
/// of Parquet each) in memory and follows new data versions partition by partition, in the
/// background. Until it has taken a new version in, that version's queries run at once on views
/// over its files (<see cref="DuckDbViewSet"/>), so they see exactly the new data. One update runs
/// at a time; a version superseded while it waits is skipped.
/// </para>
/// </summary>
public sealed class DuckDbQueryEngine : IQueryEngine, IDisposable
{
    /// <summary>Versions remembered as seen, so that a query of an older one does not pull the tables back to it.</summary>
    private const int VersionsRemembered = 64;

    private readonly QueryOptions _options;
    private readonly ILogger<DuckDbQueryEngine> _logger;
    private readonly DuckDbResidentTables _resident;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly Lock _loadGate = new();
    private readonly Queue<string> _seenOrder = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private volatile DuckDbViewSet? _newest;
    private volatile DuckDbViewSet? _older;
    private PublishedCatalog? _toLoad;
    private Task _loading = Task.CompletedTask;
    private bool _loaderRunning;
    private volatile bool _disposed;

    public DuckDbQueryEngine(IOptions<QueryOptions> options, ILogger<DuckDbQueryEngine> logger)
    {
        _options = options.Value;
        _logger = logger;
        _resident = new DuckDbResidentTables(_options.DuckDbMemoryLimitMiB, Threads);
    }

    /// <summary>An engine with the default options (benchmarks, tests).</summary>
    public DuckDbQueryEngine()
        : this(Options.Create(new QueryOptions()), NullLogger<DuckDbQueryEngine>.Instance)
    {
    }

    /// <summary>What the last update of the in-memory tables did (null before the first).</summary>
    public ResidentUpdate? LastUpdate { get; private set; }

    private int Threads => _options.DuckDbThreads > 0 ? _options.DuckDbThreads : Environment.ProcessorCount;

    /// <summary>Completes when no update of the in-memory tables is running or waiting (the latest version seen is taken in, or failed to be).</summary>
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
                if (_resident.TryLease(catalog.Fingerprint) is var (resident, sequence))
                {
                    try
                    {
                        // DuckDB's .NET API is synchronous: run it off the caller's thread so cancellation can interrupt it.
                        var result = await Task.Run(() => Run(resident, request, () => _resident.StillAt(sequence), deadline.Token), deadline.Token);
                        if (result is not null)
                        {
                            return result;
                        }
                        // Started across a commit: it may have seen the next version; run it again where this one is.
                        continue;
                    }
                    finally
                    {
                        _resident.Return(resident);
                    }
                }
                if (await ViewsForAsync(catalog, deadline.Token) is not { } views)
                {
                    continue;
                }
                if (views.Database.TryLease() is not { } connection)
                {
                    // Retired just now (the in-memory tables or a newer version took its place): look again,
                    // after letting the swap finish, instead of spinning on the same set.
                    await Task.Yield();
                    continue;
                }
                try
                {
                    return (await Task.Run(() => Run(connection, request, null, deadline.Token), deadline.Token))!;
                }
                finally
                {
                    views.Database.Return(connection);
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
            _newest?.Database.Retire();
            _older?.Database.Retire();
        }
        finally
        {
            _rebuild.Release();
        }
        // An update under way holds a connection: the database closes when it returns it.
        _resident.Retire();
    }

    /// <summary>DuckDB says "Cannot open file … No such file" or "No files found that match the pattern …" for a published file that is gone.</summary>
    private static bool IsMissingFile(DuckDBException e, string root) =>
        (e.Message.Contains("No such file", StringComparison.Ordinal) || e.Message.Contains("No files found", StringComparison.Ordinal))
        && e.Message.Contains(root, StringComparison.Ordinal);

    /// <summary>
    /// Views over the files of <paramref name="catalog"/>, built on first use; null when the
    /// in-memory tables hold that version by now. The newest version seen asks for an update of
    /// the in-memory tables; an older one (a query that read the catalog just before a newer
    /// publication) gets views of its own and leaves the tables where they are.
    /// </summary>
    private async Task<DuckDbViewSet?> ViewsForAsync(PublishedCatalog catalog, CancellationToken cancellationToken)
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
            if (_resident.Version == catalog.Fingerprint)
            {
                return null;
            }
            ObjectDisposedException.ThrowIf(_disposed, this);
            var views = DuckDbViewSet.Create(catalog, _options.DuckDbMemoryLimitMiB, Threads);
            if (Remember(catalog.Fingerprint))
            {
                _newest?.Database.Retire();
                _newest = views;
                RequestLoad(catalog);
            }
            else
            {
                _older?.Database.Retire();
                _older = views;
            }
            return views;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Whether <paramref name="fingerprint"/> is seen for the first time (so it is the newest).</summary>
    private bool Remember(string fingerprint)
    {
        if (!_seen.Add(fingerprint))
        {
            return false;
        }
        _seenOrder.Enqueue(fingerprint);
        if (_seenOrder.Count > VersionsRemembered)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }
        return true;
    }

    private DuckDbViewSet? Matching(PublishedCatalog catalog) =>
        _newest is { } newest && newest.Fingerprint == catalog.Fingerprint ? newest
        : _older is { } older && older.Fingerprint == catalog.Fingerprint ? older
        : null;

    private void RequestLoad(PublishedCatalog catalog)
    {
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

    /// <summary>Takes in the latest requested version, again while newer ones are requested during an update.</summary>
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
                if (_newest?.Fingerprint == catalog.Fingerprint)
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
        ResidentUpdate update;
        try
        {
            update = _resident.Apply(catalog, KpiCatalogue.TablesRead, _options.InMemoryTableMaxBytes);
        }
        catch (Exception e) when (e is DuckDBException or IOException or ObjectDisposedException)
        {
            // Disposed meanwhile, or a file replaced by a newer publication: that one is taken in when a query first sees it.
            _logger.LogInformation(e, "Taking data version {Version} into memory failed; its queries read the Parquet files", catalog.Fingerprint);
            return;
        }
        LastUpdate = update;
        _rebuild.Wait();
        try
        {
            if (_newest is { } views && views.Fingerprint == catalog.Fingerprint)
            {
                _newest = null;
                views.Database.Retire();
            }
        }
        finally
        {
            _rebuild.Release();
        }
        _logger.LogInformation("Data version {Version} taken into memory in {Elapsed} ms ({Files} files read, {Partitions} partitions replaced, compressed: {Compressed}); in memory: {Tables}",
            update.Version, (long)update.Elapsed.TotalMilliseconds, update.FilesRead, update.PartitionsReplaced, update.Compressed, string.Join(", ", update.InMemory));
    }

    /// <summary>The rows of <paramref name="request"/>; null when <paramref name="stillValid"/> says, once the query has started, that it may have read another version.</summary>
    private static QueryResult? Run(DuckDBConnection connection, QueryRequest request, Func<bool>? stillValid, CancellationToken cancellationToken)
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
        if (stillValid is not null && !stillValid())
        {
            return null;
        }
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
