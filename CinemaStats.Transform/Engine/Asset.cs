using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Engine;

/// <summary>How an asset's output is divided.</summary>
public enum Partitioning
{
    /// <summary>One output for the whole asset.</summary>
    None,

    /// <summary>One partition per raw object of the upstream source (staging assets).</summary>
    RawObject,

    /// <summary>One partition per business date.</summary>
    BusinessDate,
}

/// <summary>How much a failed check matters.</summary>
public enum CheckSeverity
{
    /// <summary>Recorded and shown; nothing stops.</summary>
    Warn,

    /// <summary>The assets downstream of this partition are not rebuilt until it passes.</summary>
    Block,
}

/// <summary>An asset-level check on the rows a materialization produced.</summary>
public sealed record AssetCheck(string Name, CheckSeverity Severity, string Description, Func<TableColumns, CheckVerdict> Evaluate);

public sealed record CheckVerdict(bool Passed, string Detail)
{
    public static CheckVerdict Pass(string detail) => new(true, detail);
    public static CheckVerdict Fail(string detail) => new(false, detail);
}

/// <summary>
/// A named, partitioned dataset with declared upstream assets, an output schema, one
/// materialize function and its checks, the way a Dagster asset is declared. Upstream names
/// are other assets, or <c>raw/{source}</c> for a raw source.
/// </summary>
public abstract class Asset
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Upstream { get; }

    public abstract Partitioning Partitioning { get; }

    public abstract TableSchema Output { get; }

    public virtual IReadOnlyList<AssetCheck> Checks => [];

    public virtual string Description => Output.Description;

    /// <summary>Bump when the materialize logic changes: partitions built by older code become stale.</summary>
    public virtual string CodeVersion => "1";

    /// <summary>The name of a raw source as an upstream.</summary>
    public static string RawSource(string source) => RawObjectKey.Root + source;

    public static bool IsRawSource(string upstream) => upstream.StartsWith(RawObjectKey.Root, StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>What a materialization needs: the store, its partition, and where to log.</summary>
public sealed record MaterializeContext(IObjectStore Store, string Partition, string RunId, RunLog Log, TimeProvider Clock);

/// <summary>An asset partitioned by raw object: it reads one raw object and says which business dates it touched.</summary>
public abstract class RawObjectAsset : Asset
{
    public override Partitioning Partitioning => Partitioning.RawObject;

    public abstract string Source { get; }

    public override IReadOnlyList<string> Upstream => [RawSource(Source)];

    public abstract Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken);
}

/// <summary>Rows read from a raw object, what became of them, and the partitions downstream they touch.</summary>
public sealed record RawObjectResult(long RowsIn, long RowsOut, long RowsQuarantined, IReadOnlyList<string> Outputs, IReadOnlyList<DateOnly> BusinessDates);

/// <summary>An asset partitioned by business date, rebuilt from every input of that date.</summary>
public abstract class DailyAsset : Asset
{
    public override Partitioning Partitioning => Partitioning.BusinessDate;

    /// <summary>The current inputs of one date, by key and version; the partition is stale when they change.</summary>
    public abstract Task<IReadOnlyList<Core.Pipeline.InputVersion>> InputsAsync(DateOnly businessDate, MaterializeContext context, CancellationToken cancellationToken);

    /// <summary>Builds the partition's rows from its inputs; the engine writes, checks and publishes them.</summary>
    public abstract Task<DailyResult> BuildAsync(DateOnly businessDate, IReadOnlyList<Core.Pipeline.InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken);

    /// <summary>The dates that have inputs (for reconciling and backfills).</summary>
    public abstract Task<IReadOnlyList<DateOnly>> DatesWithInputsAsync(MaterializeContext context, CancellationToken cancellationToken);
}

/// <summary>The rows of one daily partition, and how many inputs rows went in.</summary>
/// <param name="CopyOf">
/// A stored Parquet file that already is the partition, byte for byte (written by the same writer,
/// with the output's columns in order): the engine publishes a copy of it instead of writing
/// <paramref name="Rows"/>, which then hold only the columns the checks read. Null: write Rows.
/// </param>
public sealed record DailyResult(TableColumns Rows, long RowsIn, long RowsDropped, string DropReason, string? CopyOf = null);
