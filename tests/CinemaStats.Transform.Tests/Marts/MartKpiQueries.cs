using CinemaStats.Transform.Tests.Pos;
namespace CinemaStats.Transform.Tests.Marts;

/// <summary>The KPIs of docs/data-contract.md as a dashboard would compute them from the published marts (Σ/Σ in SQL), answering <see cref="ExpectedKpis"/> line for line.</summary>
internal static class MartKpiQueries
{
    private static string Ratio(string numerator, string denominator) =>
        $"CASE WHEN {denominator} > 0 THEN printf('%.6f', CAST({numerator} AS DOUBLE) / {denominator}) END";

    public const string CinemaDays = """
        SELECT cinema_id, CAST(business_date AS VARCHAR), currency, sessions, cancelled_sessions, sessions_with_adm, screens,
               capacity, occupancy_adm, adm, paid_adm, gbo_minor, concessions_minor
        FROM t ORDER BY cinema_id, business_date, currency
        """;

    public static readonly string CurrencyKpis = $"""
        SELECT currency, SUM(adm), SUM(paid_adm), SUM(gbo_minor), SUM(concessions_minor),
               {Ratio("SUM(occupancy_adm)", "SUM(capacity)")}, {Ratio("SUM(gbo_minor)", "SUM(paid_adm)")},
               {Ratio("SUM(concessions_minor)", "SUM(adm)")}, {Ratio("SUM(sessions_with_adm)", "SUM(sessions)")}
        FROM t GROUP BY currency ORDER BY currency
        """;

    public static readonly string FilmWeeks = $"""
        SELECT film_key, currency, CAST(film_week AS VARCHAR), week_number, sessions, cinemas, screens, adm, paid_adm, gbo_minor,
               previous_week_gbo_minor, cumulative_gbo_minor, opening_weekend_gbo_minor,
               {Ratio("gbo_minor - previous_week_gbo_minor", "previous_week_gbo_minor")},
               {Ratio("cumulative_gbo_minor", "opening_weekend_gbo_minor")}, {Ratio("gbo_minor", "screens")}
        FROM ({Core.Tables.KpiSql.FilmRuns()}) r ORDER BY film_key, currency, film_week
        """;

    public static readonly string DistributorShares = $"""
        SELECT distributor, currency, SUM(gbo_minor), SUM(adm), {Ratio("SUM(gbo_minor)", "SUM(SUM(gbo_minor)) OVER (PARTITION BY currency)")}
        FROM t GROUP BY distributor, currency ORDER BY currency, distributor
        """;

    public static readonly string DayParts = $"""
        SELECT currency, iso_weekday, day_part, SUM(sessions), SUM(capacity), SUM(occupancy_adm), SUM(adm), SUM(gbo_minor),
               {Ratio("SUM(occupancy_adm)", "SUM(capacity)")}
        FROM t GROUP BY currency, iso_weekday, day_part ORDER BY currency, iso_weekday, day_part
        """;

    public const string Screens = """
        SELECT cinema_id, screen_id, sessions, CAST(first_business_date AS VARCHAR), CAST(last_business_date AS VARCHAR), currency, capacity
        FROM t ORDER BY cinema_id, screen_id
        """;

    /// <summary>Compares every KPI computed from the marts with the independent computation.</summary>
    public static async Task AssertMatchAsync(PipelineHarness h, ExpectedKpis expected)
    {
        Assert.Equal(expected.CinemaDays(), await h.QueryAsync("mart_cinema_day", CinemaDays));
        Assert.Equal(expected.CurrencyKpis(), await h.QueryAsync("mart_cinema_day", CurrencyKpis));
        Assert.Equal(expected.FilmWeeks(), await h.QueryAsync("mart_film_week", FilmWeeks));
        Assert.Equal(expected.DistributorShares(), await h.QueryAsync("mart_distributor_week", DistributorShares));
        Assert.Equal(expected.DayParts(), await h.QueryAsync("mart_daypart_weekday", DayParts));
        Assert.Equal(expected.Screens(), await h.QueryAsync("dim_screen", Screens));
    }
}
