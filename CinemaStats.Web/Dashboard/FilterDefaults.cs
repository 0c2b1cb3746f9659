using CinemaStats.Web.Queries.Dashboard;
using Microsoft.Extensions.Primitives;

namespace CinemaStats.Web.Dashboard;

/// <summary>Reads the filter of a query string, defaulting the dates to the last weeks that have data.</summary>
public static class FilterDefaults
{
    /// <summary>The last date with data in the given cinemas (all when none), or today when there is no data.</summary>
    public static DateOnly LastDate(FilterOptions options, IReadOnlyList<string>? cinemas = null) =>
        options.LastDateOf(cinemas ?? []) ?? DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<DashboardFilter> ParseAsync(IReadOnlyDictionary<string, StringValues> query, IDashboardQueries queries, CancellationToken cancellationToken)
    {
        var hasDates = query.ContainsKey(FilterQuery.FromKey) && query.ContainsKey(FilterQuery.ToKey);
        var last = hasDates ? DateOnly.FromDateTime(DateTime.UtcNow)
            : LastDate(await queries.FilterOptionsAsync(cancellationToken), query.TryGetValue(FilterQuery.CinemaKey, out var c) ? [.. c.OfType<string>()] : null);
        return FilterQuery.Parse(query, last);
    }
}
