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

    public override async Task<IReadOnlyList<InputVersion>> InputsAsync(MaterializeContext context, CancellationToken cancellationToken)
    {
        var inputs = new List<InputVersion>();
        await foreach (var head in context.Store.ListAllAsync(PipelineKey.StagingPrefix(StgFilmsTable.Schema.Name), cancellationToken))
        {
            inputs.Add(new InputVersion(head.Key, head.ETag));
        }
        return inputs;
    }

    public override async Task<DailyResult> BuildAsync(IReadOnlyList<InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var winners = new Dictionary<string, (TableColumns Rows, int Index, DateTime ReceivedAt, string Source, long Line)>(StringComparer.Ordinal);
        long rowsIn = 0;
        foreach (var input in inputs)
        {
            await foreach (var rows in StagingFiles.ReadAsync(context.Store, input.Key, StgFilmsTable.Schema, cancellationToken))
            {
                var keys = rows.Get<string?>("film_key");
                var received = rows.Get<DateTime?>("source_received_at");
                var sources = rows.Get<string?>("source_object");
                var lines = rows.Get<long?>("source_line");
                for (var i = 0; i < rows.RowCount; i++)
                {
                    rowsIn++;
                    var candidate = (rows, i, received[i]!.Value, sources[i]!, lines[i]!.Value);
                    if (!winners.TryGetValue(keys[i]!, out var current) || Later(candidate, current))
                    {
                        winners[keys[i]!] = candidate;
                    }
                }
            }
        }

        var ordered = winners.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value).ToList();
        var output = TableColumns.Create(Output, ordered.Count);
        foreach (var column in Output.Columns)
        {
            var target = output[column.Name];
            for (var i = 0; i < ordered.Count; i++)
            {
                target.SetValue(ordered[i].Rows[column.Name].GetValue(ordered[i].Index), i);
            }
        }
        FlagSharedTitles(output);
        return new DailyResult(output, rowsIn, rowsIn - ordered.Count, "repeated film_key: the most recently received row wins");
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

    private static bool Later((TableColumns, int, DateTime ReceivedAt, string Source, long Line) a, (TableColumns, int, DateTime ReceivedAt, string Source, long Line) b)
    {
        if (a.ReceivedAt != b.ReceivedAt)
        {
            return a.ReceivedAt > b.ReceivedAt;
        }
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        return bySource != 0 ? bySource > 0 : a.Line > b.Line;
    }
}
