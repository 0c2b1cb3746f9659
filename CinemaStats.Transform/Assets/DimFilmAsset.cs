using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>dim_film</c>: one row per film, rebuilt from every staged films file. Reads: stg_films ·
/// Partitioned by: none · Writes: curated/dim_film/part-{hash}.parquet · De-duplication: by
/// film_key, the row of the most recently received file wins (then the later line) · Films that
/// share a normalized title with another film (a remake and its original) are flagged title_shared.
/// </summary>
public sealed class DimFilmAsset : UnpartitionedAsset
{
    public override string Name => CuratedTables.DimFilm.Name;

    public override IReadOnlyList<string> Upstream => [StgFilmsTable.Schema.Name];

    public override TableSchema Output => CuratedTables.DimFilm;

    public override IReadOnlyList<AssetCheck> Checks { get; } =
    [
        new("film_key_unique", CheckSeverity.Block, "Each film_key appears once.",
            rows => rows.Get<string?>("film_key") is var keys && keys.Length - keys.Distinct(StringComparer.Ordinal).Count() is var n && n == 0
                ? CheckVerdict.Pass("no duplicate film_key")
                : CheckVerdict.Fail($"{n} duplicate film_key values")),
        new("has_rows", CheckSeverity.Warn, "The catalogue is not empty.",
            rows => rows.RowCount > 0 ? CheckVerdict.Pass($"{rows.RowCount} films") : CheckVerdict.Fail("no films")),
    ];

    public override async Task<DailyResult> BuildAsync(PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var (ordered, rowsIn, superseded) = await LatestStagedRows.ReadAsync(context.Store, inputs.Of(StgFilmsTable.Schema.Name), StgFilmsTable.Schema, "film_key", cancellationToken);
        await superseded.WriteAsync(context.Store, Name, context.Partition, cancellationToken);
        var output = TableColumns.Gather(Output, ordered);
        FlagSharedTitles(output);
        return new DailyResult(output, rowsIn, rowsIn - ordered.Count, "superseded: a later received file sent the film_key again (the most recently received row wins)");
    }

    private static void FlagSharedTitles(TableColumns output)
    {
        var keys = output.Get<string?>("film_key");
        var flags = output.Get<string?>("cleaning_flags");
        var titleCounts = keys.GroupBy(k => FilmKey.TitleOf(k!), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (titleCounts[FilmKey.TitleOf(keys[i]!)] > 1)
            {
                flags[i] = string.IsNullOrEmpty(flags[i]) ? CleaningFlag.TitleShared : $"{flags[i]},{CleaningFlag.TitleShared}";
            }
        }
    }
}
