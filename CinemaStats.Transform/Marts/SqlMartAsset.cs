using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Marts;

/// <summary>
/// A mart partition built by one SQL statement over the published partitions the engine handed it
/// (<see cref="MartQuery"/>), and checked to add up to them. The statement is written in the SQL
/// DuckDB and Athena both run, its <c>?</c> placeholders bound to <see cref="Parameters"/>, so the
/// same text can run as an Athena <c>INSERT INTO</c> when one worker is no longer enough (docs/scaling.md).
/// </summary>
public abstract class SqlMartAsset : PartitionedAsset
{
    /// <summary>The SELECT that gives the partition's rows, in the output's order.</summary>
    public abstract string Sql { get; }

    /// <summary>The values of the statement's placeholders for the partition that starts on <paramref name="start"/>.</summary>
    public abstract IReadOnlyList<object> Parameters(DateOnly start);

    /// <summary>What the rows must add up to.</summary>
    protected abstract IReadOnlyList<SourceTotals> Totals { get; }

    public override IReadOnlyList<AssetCheck> Checks => [.. Totals.Select((t, i) => t.Check(CheckName(i)))];

    /// <summary>The name of the <paramref name="index"/>th totals check (null: named after its source).</summary>
    protected virtual string? CheckName(int index) => null;

    public override async Task<DailyResult> BuildAsync(DateOnly partition, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        using var query = await MartQuery.OpenAsync(context.Store, UpstreamTables(inputs), cancellationToken);
        var rows = query.Read(Output, Sql, Parameters(partition));
        foreach (var totals in Totals)
        {
            totals.Record(rows, query);
        }
        var rowsIn = Upstream.Sum(table => (long)query.Rows($"SELECT COUNT(*) FROM {table}", [], out _)[0][0]!);
        return new DailyResult(rows, rowsIn, 0, "");
    }

    internal IEnumerable<(TableSchema, IReadOnlyList<Core.Pipeline.InputVersion>)> UpstreamTables(PartitionInputs inputs) =>
        Upstream.Select(name => (CuratedTables.All.Single(t => t.Name == name), inputs.Of(name)));

    /// <summary>The first and last business date of a partition, as the statement's range.</summary>
    protected IReadOnlyList<object> Range(DateOnly start) => [start, PartitionCalendar.EndOf(Partitioning, start)];
}
