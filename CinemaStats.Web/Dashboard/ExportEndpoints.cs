using System.Text;
using CinemaStats.Web.Auth;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Dashboard;

/// <summary><c>GET /export/{table}.csv?{the page's query string}</c>: the table's rows as shown on the page, as CSV.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapDashboardExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/{table}.csv", ExportAsync).RequireAuthorization(Policies.Analyst);
        return app;
    }

    public static async Task<IResult> ExportAsync(string table, HttpRequest request, IDashboardQueries queries, CancellationToken cancellationToken)
    {
        if (!DashboardTables.Names.Contains(table))
        {
            return TypedResults.Problem($"There is no table '{table}'. Tables: {string.Join(", ", DashboardTables.Names)}.", statusCode: 404, title: "No such table");
        }
        string? subject = request.Query[DashboardTables.SubjectKey];
        if (DashboardTables.NeedsSubject(table) && string.IsNullOrWhiteSpace(subject))
        {
            return TypedResults.Problem($"The table '{table}' belongs to a film or cinema page: add ?{DashboardTables.SubjectKey}=<film key or cinema id>.", statusCode: 400, title: "Which film or cinema?");
        }
        var filter = await FilterDefaults.ParseAsync(request.Query.ToDictionary(q => q.Key, q => q.Value), queries, cancellationToken);
        var data = await DashboardTables.LoadAsync(table, queries, filter, subject, cancellationToken);
        var name = $"{table}_{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv.Write(data)), "text/csv; charset=utf-8", name);
    }
}
