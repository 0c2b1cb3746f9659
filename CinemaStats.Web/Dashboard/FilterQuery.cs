using System.Globalization;
using System.Text;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>
/// The one mapping between a <see cref="DashboardFilter"/> and the query string that carries it,
/// so a filtered page can be bookmarked, shared and reached with the back button, and a CSV export
/// runs with exactly the page's selection. Keys: from, to (yyyy-MM-dd) and repeated cinema, film,
/// genre, distributor, and compare=year for the same weekdays last year.
/// </summary>
public static class FilterQuery
{
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string CinemaKey = "cinema";
    public const string FilmKey = "film";
    public const string GenreKey = "genre";
    public const string DistributorKey = "distributor";
    public const string CompareKey = "compare";

    /// <summary>The address's names of the comparisons (<c>compare=year</c>); the previous period is the default and is not written.</summary>
    public const string CompareYear = "year", ComparePrevious = "previous";

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
        if (filter.Compare == Comparison.LastYear)
        {
            parts.Add($"{CompareKey}={CompareYear}");
        }
        return string.Join('&', parts);
    }

    /// <summary>
    /// The filter a query string asks for. Missing or unreadable dates fall back to the
    /// <see cref="DefaultDays"/> days ending on <paramref name="lastDateWithData"/>; a reversed range is put right.
    /// </summary>
    public static DashboardFilter Parse(
        string? from, string? to, IEnumerable<string?>? cinemas, IEnumerable<string?>? films, IEnumerable<string?>? genres, IEnumerable<string?>? distributors,
        DateOnly lastDateWithData, string? compare = null)
    {
        var end = ParseDate(to) ?? (ParseDate(from) is { } f ? f.AddDays(DefaultDays - 1) : lastDateWithData);
        var start = ParseDate(from) ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
        {
            (start, end) = (end, start);
        }
        return new DashboardFilter(start, end, Values(cinemas), Values(films), Values(genres), Values(distributors))
        {
            Compare = compare == CompareYear ? Comparison.LastYear : Comparison.PreviousPeriod,
        };
    }

    /// <summary>What the page could not read in its address, in sentences that say what it shows instead (empty when all is well).</summary>
    public static IReadOnlyList<string> Problems(string? from, string? to, string? compare)
    {
        var problems = new List<string>();
        foreach (var (key, text) in new[] { (FromKey, from), (ToKey, to) })
        {
            if (text is not null && ParseDate(text) is null)
            {
                problems.Add($"'{text}' in {key}= is not a date (write yyyy-MM-dd): the period below was chosen without it.");
            }
        }
        if (ParseDate(from) is { } f && ParseDate(to) is { } t && f > t)
        {
            problems.Add($"from= ({f:yyyy-MM-dd}) is after to= ({t:yyyy-MM-dd}): the two dates were swapped.");
        }
        if (compare is not null && compare is not (CompareYear or ComparePrevious))
        {
            problems.Add($"'{compare}' in {CompareKey}= is not a comparison (use {CompareYear} or {ComparePrevious}): comparing with the previous period.");
        }
        return problems;
    }

    /// <summary>The filter in a request's or a page address's query string.</summary>
    public static DashboardFilter Parse(IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> query, DateOnly lastDateWithData)
    {
        string?[]? Get(string key) => query.TryGetValue(key, out var v) ? v.ToArray() : null;
        return Parse(Get(FromKey)?.FirstOrDefault(), Get(ToKey)?.FirstOrDefault(), Get(CinemaKey), Get(FilmKey), Get(GenreKey), Get(DistributorKey), lastDateWithData,
            Get(CompareKey)?.FirstOrDefault());
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
