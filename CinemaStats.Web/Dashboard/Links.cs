using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary>Addresses of the dashboard's pages and exports, carrying the current filter along.</summary>
public static class Links
{
    public static string Overview(DashboardFilter filter) => "/?" + FilterQuery.ToQueryString(filter);

    public static string Film(string filmKey, DashboardFilter filter) => $"/films/{Uri.EscapeDataString(filmKey)}?{FilterQuery.ToQueryString(filter)}";

    public static string Cinema(string cinemaId, DashboardFilter filter) => $"/cinemas/{Uri.EscapeDataString(cinemaId)}?{FilterQuery.ToQueryString(filter)}";

    /// <summary>The CSV of one table; <paramref name="subject"/> is the film key or cinema id of a film or cinema page.</summary>
    public static string Export(string table, DashboardFilter filter, string? subject = null) =>
        $"/export/{table}.csv?{FilterQuery.ToQueryString(filter)}" + (subject is null ? "" : $"&{DashboardTables.SubjectKey}={Uri.EscapeDataString(subject)}");
}
