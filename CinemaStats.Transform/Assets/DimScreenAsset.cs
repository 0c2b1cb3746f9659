using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Marts;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>dim_screen</c>: one row per cinema and screen. Reads: every mart_screen_month partition (one
/// small file a month, not every session) · Partitioned by: none · capacity is that of the latest
/// session (by showtime) with a capacity above 0; time zone and currency those of the latest session.
/// </summary>
public sealed class DimScreenAsset : UnpartitionedAsset
{
    private readonly SourceTotals _totals = new(CuratedTables.MartScreenMonth.Name, ["sessions"], column => $"CAST(SUM({column}) AS BIGINT)", byCurrency: false);

    public override string Name => CuratedTables.DimScreen.Name;

    public override IReadOnlyList<string> Upstream => [CuratedTables.MartScreenMonth.Name];

    public override TableSchema Output => CuratedTables.DimScreen;

    /// <summary>2: folded from mart_screen_month.</summary>
    public override string CodeVersion => "2";

    public override IReadOnlyList<AssetCheck> Checks => [_totals.Check()];

    public const string Sql = """
        SELECT t.cinema_id, t.screen_id, c.capacity, l.cinema_tz, l.currency, t.first_business_date, t.last_business_date, t.sessions
        FROM (
            SELECT cinema_id, screen_id, CAST(SUM(sessions) AS BIGINT) AS sessions,
                   MIN(first_business_date) AS first_business_date, MAX(last_business_date) AS last_business_date
            FROM mart_screen_month
            GROUP BY cinema_id, screen_id
        ) t
        JOIN (
            SELECT cinema_id, screen_id, cinema_tz, currency,
                   ROW_NUMBER() OVER (PARTITION BY cinema_id, screen_id ORDER BY latest_showtime_utc DESC) AS n
            FROM mart_screen_month
        ) l ON l.cinema_id = t.cinema_id AND l.screen_id = t.screen_id AND l.n = 1
        LEFT JOIN (
            SELECT cinema_id, screen_id, capacity,
                   ROW_NUMBER() OVER (PARTITION BY cinema_id, screen_id ORDER BY capacity_showtime_utc DESC) AS n
            FROM mart_screen_month
            WHERE capacity IS NOT NULL
        ) c ON c.cinema_id = t.cinema_id AND c.screen_id = t.screen_id AND c.n = 1
        ORDER BY t.cinema_id, t.screen_id
        """;

    public override async Task<DailyResult> BuildAsync(PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        using var query = await MartQuery.OpenAsync(context.Store, [(CuratedTables.MartScreenMonth, inputs.Of(CuratedTables.MartScreenMonth.Name))], cancellationToken);
        var rows = query.Read(Output, Sql, []);
        _totals.Record(rows, query);
        return new DailyResult(rows, (long)query.Rows("SELECT COUNT(*) FROM mart_screen_month", [], out _)[0][0]!, 0, "");
    }
}
