namespace CinemaStats.Transform.Engine;

/// <summary>
/// An asset with one output for the whole table (a dimension), rebuilt from all of its inputs
/// whenever they change: keep its inputs small (the film catalogue, monthly screen rows), never all history. The engine writes, checks and publishes it like a daily partition,
/// under the partition name <see cref="Partition"/>.
/// </summary>
public abstract class UnpartitionedAsset : Asset
{
    /// <summary>The name its one partition's state is kept under.</summary>
    public const string Partition = "all";

    public override Partitioning Partitioning => Partitioning.None;

    /// <summary>Builds the table's rows from the inputs the engine resolved (every partition of its upstream); the engine writes, checks and publishes them.</summary>
    public abstract Task<DailyResult> BuildAsync(PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken);
}
