using System.Diagnostics.Metrics;

namespace CinemaStats.Web.Queries;

/// <summary>
/// The query layer's OpenTelemetry instruments (meter <see cref="MeterName"/>, exported by
/// ServiceDefaults with every <c>CinemaStats.*</c> meter): result-cache hits and misses and query
/// durations, each tagged with the catalogue query's name.
/// </summary>
public sealed class QueryMetrics
{
    public const string MeterName = "CinemaStats.Web.Queries";
    public const string CacheHits = "cinemastats.query.cache.hits";
    public const string CacheMisses = "cinemastats.query.cache.misses";
    public const string Duration = "cinemastats.query.duration";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Histogram<double> _duration;

    public QueryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>(CacheHits, description: "Dashboard queries answered from the result cache");
        _misses = meter.CreateCounter<long>(CacheMisses, description: "Dashboard queries that ran on the engine");
        _duration = meter.CreateHistogram<double>(Duration, unit: "ms", description: "Time a query took on the engine");
    }

    public void Hit(string query) => _hits.Add(1, new KeyValuePair<string, object?>("query", query));

    public void Miss(string query) => _misses.Add(1, new KeyValuePair<string, object?>("query", query));

    public void Ran(string query, TimeSpan elapsed) => _duration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("query", query));
}
