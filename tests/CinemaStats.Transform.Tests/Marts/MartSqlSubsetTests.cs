using CinemaStats.Core.Sql;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>The marts' SQL stays inside what DuckDB and Athena (Trino) share, so the same statements can run as Athena INSERT INTO.</summary>
public sealed class MartSqlSubsetTests
{
    public static TheoryData<string> Marts => [.. AssetRegistry.Create().OfType<SqlMartAsset>().Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Marts))]
    public void Every_mart_statement_uses_only_the_common_subset_and_binds_every_placeholder(string name)
    {
        var mart = AssetRegistry.Create().OfType<SqlMartAsset>().Single(a => a.Name == name);

        Assert.Empty(SqlSubset.Check(mart.Sql, mart.Upstream));
        Assert.Equal(mart.Sql.Count(c => c == '?'), mart.Parameters(new DateOnly(2024, 3, 1)).Count);
    }

    [Fact]
    public void Dim_screen_and_the_film_run_derivation_use_only_the_common_subset()
    {
        Assert.Empty(SqlSubset.Check(DimScreenAsset.Sql, [CuratedTables.MartScreenMonth.Name]));
        Assert.Empty(SqlSubset.Check(KpiSql.FilmRuns(), [CuratedTables.MartFilmWeek.Name]));
    }

    [Fact]
    public void A_function_only_duckdb_has_is_refused()
    {
        Assert.Contains(SqlSubset.Check("SELECT arg_max(capacity, showtime_utc) FROM fact_session", [CuratedTables.FactSession.Name]),
            p => p.Contains("arg_max", StringComparison.Ordinal));
    }
}
