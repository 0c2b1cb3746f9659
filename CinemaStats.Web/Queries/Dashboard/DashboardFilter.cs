namespace CinemaStats.Web.Queries.Dashboard;

/// <summary>
/// What an analyst has selected: an inclusive business-date range and, for each dimension, the
/// values to keep (an empty list keeps everything). Films are dim_film keys (or the
/// <c>unmatched|…</c> keys of mart_film_week).
/// </summary>
public sealed record DashboardFilter(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Cinemas,
    IReadOnlyList<string> Films,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Distributors)
{
    public static DashboardFilter ForRange(DateOnly from, DateOnly to) => new(from, to, [], [], [], []);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same selection over the equally long period just before this one.</summary>
    public DashboardFilter PreviousPeriod() => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };
}
