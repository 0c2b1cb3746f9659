using System.Globalization;
using System.Text;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>
/// The one mapping between a <see cref="DashboardFilter"/> and the query string that carries it,
/// so a filtered page can be bookmarked, shared and reached with the back button, and a CSV export
/// runs with exactly the page's selection. Keys: from, to (yyyy-MM-dd) and repeated cinema, film,
/// genre, distributor.
/// </summary>
public static class FilterQuery
{
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string CinemaKey = "cinema";
    public const string FilmKey = "film";
    public const string GenreKey = "genre";
    public const string DistributorKey = "distributor";

    /// <summary>How many days a page shows when the address names no dates: the last four weeks with data.</summary>
    public const int DefaultDays = 28;

    public static string ToQueryString(DashboardFilter filter)
    {
        var parts = new List<string>
        {
            $"{FromKey}={filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"{ToKey}={filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        };
        Add(parts, CinemaKey, filter.Cinemas);
        Add(parts, FilmKey, filter.Films);
        Add(parts, GenreKey, filter.Genres);
        Add(parts, DistributorKey, filter.Distributors);
        return string.Join('&', parts);
    }

    /// <summary>
    /// The filter a query string asks for. Missing or unreadable dates fall back to the
    /// <see cref="DefaultDays"/> days ending on <paramref name="lastDateWithData"/>; a reversed range is put right.
    /// </summary>
    public static DashboardFilter Parse(
        string? from, string? to, IEnumerable<string?>? cinemas, IEnumerable<string?>? films, IEnumerable<string?>? genres, IEnumerable<string?>? distributors,
        DateOnly lastDateWithData)
    {
        var end = ParseDate(to) ?? (ParseDate(from) is { } f ? f.AddDays(DefaultDays - 1) : lastDateWithData);
        var start = ParseDate(from) ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
        {
            (start, end) = (end, start);
        }
        return new DashboardFilter(start, end, Values(cinemas), Values(films), Values(genres), Values(distributors));
    }

    /// <summary>The filter in a request's or a page address's query string.</summary>
    public static DashboardFilter Parse(IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> query, DateOnly lastDateWithData)
    {
        string?[]? Get(string key) => query.TryGetValue(key, out var v) ? v.ToArray() : null;
        return Parse(Get(FromKey)?.FirstOrDefault(), Get(ToKey)?.FirstOrDefault(), Get(CinemaKey), Get(FilmKey), Get(GenreKey), Get(DistributorKey), lastDateWithData);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static List<string> Values(IEnumerable<string?>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)];

    private static void Add(List<string> parts, string key, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
    }
}
