namespace CinemaStats.Transform.Engine;

/// <summary>
/// An asset with one output for the whole table (a dimension), rebuilt from all of its inputs
/// whenever they change. The engine writes, checks and publishes it like a daily partition,
/// under the partition name <see cref="Partition"/>.
/// </summary>
public abstract class UnpartitionedAsset : Asset
{
    /// <summary>The name its one partition's state is kept under.</summary>
    public const string Partition = "all";

    public override Partitioning Partitioning => Partitioning.None;

    /// <summary>The current inputs, by key and version; the output is stale when they change.</summary>
    public abstract Task<IReadOnlyList<Core.Pipeline.InputVersion>> InputsAsync(MaterializeContext context, CancellationToken cancellationToken);

    /// <summary>Builds the table's rows from its inputs; the engine writes, checks and publishes them.</summary>
    public abstract Task<DailyResult> BuildAsync(IReadOnlyList<Core.Pipeline.InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken);
}
