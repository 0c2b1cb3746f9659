namespace CinemaStats.Web.Queries;

/// <summary>Sessions, seats offered, admissions and occupancy on one business date.</summary>
/// <param name="Occupancy">Σ admissions / Σ capacity over non-cancelled sessions with capacity (null when there are none).</param>
public sealed record SessionsOnDate(DateOnly BusinessDate, long Sessions, long Capacity, long Admissions, double? Occupancy);

/// <summary>The dashboard's questions, each answered by one SQL statement.</summary>
public sealed class DashboardQueries(DuckDbQueryEngine engine)
{
    public const string SessionsByDateSql = """
        SELECT business_date,
               COUNT(*) AS sessions,
               CAST(COALESCE(SUM(capacity), 0) AS BIGINT) AS capacity,
               CAST(COALESCE(SUM(adm), 0) AS BIGINT) AS admissions,
               CAST(SUM(CASE WHEN status <> 'CANCELLED' AND capacity > 0 THEN adm ELSE 0 END) AS DOUBLE)
                 / NULLIF(SUM(CASE WHEN status <> 'CANCELLED' AND capacity > 0 THEN capacity ELSE 0 END), 0) AS occupancy
        FROM fact_session
        GROUP BY business_date
        ORDER BY business_date
        """;

    public Task<IReadOnlyList<SessionsOnDate>> SessionsByDateAsync(CancellationToken cancellationToken) =>
        engine.QueryAsync(
            SessionsByDateSql,
            new Dictionary<string, object?>(),
            r => new SessionsOnDate(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetDouble(4)),
            cancellationToken);
}
