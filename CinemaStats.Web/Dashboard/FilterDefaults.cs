using CinemaStats.Web.Queries.Dashboard;
using Microsoft.Extensions.Primitives;

namespace CinemaStats.Web.Dashboard;

/// <summary>Reads the filter of a query string, defaulting the dates to the last weeks that have data.</summary>
public static class FilterDefaults
{
    public static DateOnly LastDate(FilterOptions options) => options.LastDate ?? DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<DashboardFilter> ParseAsync(IReadOnlyDictionary<string, StringValues> query, IDashboardQueries queries, CancellationToken cancellationToken)
    {
        var hasDates = query.ContainsKey(FilterQuery.FromKey) && query.ContainsKey(FilterQuery.ToKey);
        var last = hasDates ? DateOnly.FromDateTime(DateTime.UtcNow) : LastDate(await queries.FilterOptionsAsync(cancellationToken));
        return FilterQuery.Parse(query, last);
    }
}
