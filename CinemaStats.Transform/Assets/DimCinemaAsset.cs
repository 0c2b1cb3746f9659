using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Cinemas;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>dim_cinema</c>: one row per cinema, rebuilt from every staged cinemas file. Reads: stg_cinemas ·
/// Partitioned by: none · Writes: curated/dim_cinema/part-{hash}.parquet · De-duplication: by
/// cinema_id, the row of the most recently received file wins (then the later line). Optional: without
/// a cinemas file the dashboard shows cinema ids.
/// </summary>
public sealed class DimCinemaAsset : UnpartitionedAsset
{
    public override string Name => CuratedTables.DimCinema.Name;

    public override IReadOnlyList<string> Upstream => [StgCinemasTable.Schema.Name];

    public override TableSchema Output => CuratedTables.DimCinema;

    public override IReadOnlyList<AssetCheck> Checks { get; } =
    [
        new("cinema_id_unique", CheckSeverity.Block, "Each cinema_id appears once.",
            rows => rows.Get<string?>("cinema_id") is var ids && ids.Length - ids.Distinct(StringComparer.Ordinal).Count() is var n && n == 0
                ? CheckVerdict.Pass("no duplicate cinema_id")
                : CheckVerdict.Fail($"{n} duplicate cinema_id values")),
    ];

    public override async Task<DailyResult> BuildAsync(PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var staged = StgCinemasTable.Schema;
        var (ordered, rowsIn, superseded) = await LatestStagedRows.ReadAsync(context.Store, inputs.Of(staged.Name), staged, "cinema_id", cancellationToken);
        await superseded.WriteAsync(context.Store, Name, context.Partition, cancellationToken);
        return new DailyResult(TableColumns.Gather(Output, ordered), rowsIn, rowsIn - ordered.Count,
            "superseded: a later received file sent the cinema_id again (the most recently received row wins)");
    }
}
