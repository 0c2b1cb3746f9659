using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>mart_distributor_week</c>: one row per parent distributor, film week and currency. Reads:
/// fact_session of the week's seven dates · Partitioned by: film week · Sessions of unmatched films
/// count under Unknown; films counts distinct films as mart_film_week keys them.
/// </summary>
public sealed class MartDistributorWeekAsset : SqlMartAsset
{
    public override string Name => CuratedTables.MartDistributorWeek.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    public override Partitioning Partitioning => Partitioning.FilmWeek;

    public override TableSchema Output => CuratedTables.MartDistributorWeek;

    /// <summary>3: partitioned by film week, built in SQL.</summary>
    public override string CodeVersion => "3";

    public override string Sql => $"""
        SELECT distributor, currency, CAST(COUNT(DISTINCT {KpiSql.SessionFilmKey}) AS INTEGER) AS films,
               CAST(SUM(adm) AS BIGINT) AS adm, CAST(SUM(gbo_minor) AS BIGINT) AS gbo_minor
        FROM fact_session
        WHERE business_date BETWEEN ? AND ?
        GROUP BY distributor, currency
        ORDER BY currency, distributor
        """;

    public override IReadOnlyList<object> Parameters(DateOnly start) => Range(start);

    protected override IReadOnlyList<SourceTotals> Totals { get; } = [SourceTotals.OfSessions(["adm", "gbo_minor"])];
}
