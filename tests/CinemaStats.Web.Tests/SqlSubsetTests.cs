using CinemaStats.Core.Sql;
using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Tests;

/// <summary>The catalogue stays inside the SQL that DuckDB and Athena (Trino) share, so what passes locally runs in AWS.</summary>
public sealed class SqlSubsetTests
{
    private static readonly DashboardFilter EveryList = new(new(2024, 3, 1), new(2024, 3, 31), ["C1", "C2"], ["f|2020-01-01"], ["Drama"], ["Fox"]);

    public static TheoryData<string> Queries => [.. KpiCatalogue.All.Select(q => q.Name)];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_catalogue_query_uses_only_the_common_subset(string name)
    {
        var query = KpiCatalogue.All.Single(q => q.Name == name);
        var filter = !query.HasFilter ? null
            : query.Tables.Contains("fact_session") ? SqlFilter.OnSessions(EveryList) : SqlFilter.OnCinemaDayMart(EveryList with { Films = [], Genres = [], Distributors = [] });
        var leading = Enumerable.Repeat<object?>("v", query.Sql.Replace(KpiQuery.FilterSlot, "").Count(c => c == '?')).ToArray();
        var (sql, _) = query.Bind(filter, leading);

        Assert.Empty(SqlSubset.Check(sql, query.Tables));
    }

    [Theory]
    [InlineData("SELECT date_trunc('month', business_date) FROM fact_session", "function date_trunc")]
    [InlineData("SELECT list_contains(x, 1) FROM fact_session", "function list_contains")]
    [InlineData("SELECT adm FROM fact_session WHERE cinema_id = $1", "$n placeholders")]
    [InlineData("SELECT \"adm\" FROM fact_session", "quoted identifiers")]
    [InlineData("SELECT adm FROM fact_session; SELECT 1", "statement separators")]
    [InlineData("SELECT adm FROM fact_session QUALIFY adm > 1", "'QUALIFY'")]
    [InlineData("SELECT no_such_column FROM fact_session", "'no_such_column'")]
    [InlineData("SELECT adm FROM mart_cinema_day", "")]
    public void The_guard_rejects_what_only_one_engine_knows(string sql, string problem)
    {
        var problems = SqlSubset.Check(sql, ["fact_session"]);

        Assert.Contains(problems, p => p.Contains(problem.Length == 0 ? "mart_cinema_day" : problem, StringComparison.Ordinal));
    }
}
