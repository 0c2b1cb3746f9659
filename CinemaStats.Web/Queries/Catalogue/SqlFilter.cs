using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Queries.Catalogue;

/// <summary>
/// The dashboard filter as an SQL predicate with one <c>?</c> per selected value. The predicate's
/// text depends only on how many values each list holds, never on the values themselves.
/// </summary>
public sealed class SqlFilter
{
    private SqlFilter(string predicate, IReadOnlyList<object?> parameters)
    {
        Predicate = predicate;
        Parameters = parameters;
    }

    public string Predicate { get; }

    public IReadOnlyList<object?> Parameters { get; }

    /// <summary>On fact_session: dates, cinemas, films, genres (null genre is "Unknown") and distributors.</summary>
    public static SqlFilter OnSessions(DashboardFilter filter) => Build(filter, includeFilmDimensions: true);

    /// <summary>On a mart by cinema and business date: only dates and cinemas (the caller checks the rest is empty).</summary>
    public static SqlFilter OnCinemaDayMart(DashboardFilter filter) =>
        filter.HasFilmDimensions()
            ? throw new InvalidOperationException("A cinema-day mart cannot filter by film, genre or distributor.")
            : Build(filter, includeFilmDimensions: false);

    private static SqlFilter Build(DashboardFilter filter, bool includeFilmDimensions)
    {
        var clauses = new List<string> { "business_date BETWEEN ? AND ?" };
        var parameters = new List<object?> { filter.From, filter.To };
        void In(string expression, IReadOnlyList<string> values)
        {
            if (values.Count == 0)
            {
                return;
            }
            clauses.Add($"{expression} IN ({string.Join(", ", values.Select(_ => "?"))})");
            parameters.AddRange(values);
        }
        In("cinema_id", filter.Cinemas.Distinct().ToList());
        if (includeFilmDimensions)
        {
            In(KpiCatalogue.SessionFilmKey, filter.Films.Distinct().ToList());
            In(KpiCatalogue.SessionGenre, filter.Genres.Distinct().ToList());
            In("distributor", filter.Distributors.Distinct().ToList());
        }
        return new SqlFilter(string.Join(" AND ", clauses), parameters);
    }
}

public static class DashboardFilterExtensions
{
    /// <summary>A film, genre or distributor is selected: only fact_session has those per business date.</summary>
    public static bool HasFilmDimensions(this DashboardFilter filter) =>
        filter.Films.Count > 0 || filter.Genres.Count > 0 || filter.Distributors.Count > 0;
}
