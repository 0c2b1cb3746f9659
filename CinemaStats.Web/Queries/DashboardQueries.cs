namespace CinemaStats.Web.Queries;

/// <summary>Sessions and seats offered on one business date.</summary>
public sealed record SessionsOnDate(DateOnly BusinessDate, long Sessions, long Capacity);

/// <summary>The dashboard's questions, each answered by one SQL statement.</summary>
public sealed class DashboardQueries(DuckDbQueryEngine engine)
{
    public const string SessionsByDateSql = """
        SELECT business_date, COUNT(*) AS sessions, CAST(COALESCE(SUM(capacity), 0) AS BIGINT) AS capacity
        FROM fact_session
        GROUP BY business_date
        ORDER BY business_date
        """;

    public Task<IReadOnlyList<SessionsOnDate>> SessionsByDateAsync(CancellationToken cancellationToken) =>
        engine.QueryAsync(
            SessionsByDateSql,
            new Dictionary<string, object?>(),
            r => new SessionsOnDate(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken);
}
