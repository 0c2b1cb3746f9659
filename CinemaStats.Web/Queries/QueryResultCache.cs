using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Queries;

/// <summary>
/// Typed query results kept by (statement, parameters, version of the tables it reads). A new
/// materialization changes the version of its own table only, so exactly the queries reading that
/// table miss afterwards; entries of old versions are never asked for again and age out (least
/// recently used first, up to <see cref="QueryOptions.ResultCacheEntries"/>).
/// </summary>
public sealed class QueryResultCache(IOptions<QueryOptions> options, QueryMetrics metrics) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.ResultCacheEntries });

    public async Task<T> GetOrRunAsync<T>(
        string query, string sql, IReadOnlyList<object?> parameters, int maxRows, string dataVersion,
        Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        var key = Key(sql, parameters, maxRows, dataVersion);
        if (_entries.TryGetValue(key, out var cached) && cached is T hit)
        {
            metrics.Hit(query);
            return hit;
        }
        metrics.Miss(query);
        var result = await run(cancellationToken);
        _entries.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });
        return result;
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>Each value with its type, so 1 (a number) and "1" (text) differ; the separator cannot occur unescaped.</summary>
    private static string Key(string sql, IReadOnlyList<object?> parameters, int maxRows, string dataVersion)
    {
        var key = new StringBuilder(sql.Length + 128).Append(dataVersion).Append('\n').Append(maxRows).Append('\n').Append(sql);
        foreach (var value in parameters)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            key.Append('\n').Append(value?.GetType().Name ?? "null").Append(':').Append(text.Replace("\\", "\\\\").Replace("\n", "\\n"));
        }
        return key.ToString();
    }
}
