using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Engine;

/// <summary>How much a failed check matters.</summary>
public enum CheckSeverity
{
    /// <summary>Recorded and shown; nothing stops.</summary>
    Warn,

    /// <summary>The assets downstream of this partition are not rebuilt until it passes.</summary>
    Block,
}

/// <summary>An asset-level check on the rows a materialization produced.</summary>
public sealed record AssetCheck(string Name, CheckSeverity Severity, string Description, Func<TableColumns, CheckVerdict> Evaluate)
{
    private Func<TableColumns, long>? _countFailing;
    private Func<long, CheckVerdict>? _verdict;

    /// <summary>
    /// A check that counts the rows that fail it: counts of batches add up, so it can also be run
    /// on rows read a batch at a time (<see cref="CountFailing"/>, then <see cref="VerdictFor"/>).
    /// A count that depends on other rows (duplicates) adds up only where the caller ensures it
    /// (for duplicates: keys increasing across all batches).
    /// </summary>
    public static AssetCheck Counting(string name, CheckSeverity severity, string description, Func<TableColumns, long> countFailing, Func<long, CheckVerdict> verdict) =>
        new(name, severity, description, rows => verdict(countFailing(rows))) { _countFailing = countFailing, _verdict = verdict };

    /// <summary>Whether the check counts failing rows (see <see cref="Counting"/>).</summary>
    public bool CountsRows => _countFailing is not null;

    /// <summary>The rows of <paramref name="batch"/> that fail a counting check.</summary>
    public long CountFailing(TableColumns batch) =>
        (_countFailing ?? throw new InvalidOperationException($"Check {Name} does not count rows.")).Invoke(batch);

    /// <summary>The verdict of a counting check on all batches, from the sum of their counts.</summary>
    public CheckVerdict VerdictFor(long failing) =>
        (_verdict ?? throw new InvalidOperationException($"Check {Name} does not count rows.")).Invoke(failing);
}

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
public sealed record RawObjectResult(long RowsIn, long RowsOut, long RowsQuarantined, IReadOnlyList<string> Outputs, IReadOnlyList<DateOnly> BusinessDates)
{
    /// <summary>Rows quarantined by reason code; they add up to <see cref="RowsQuarantined"/>.</summary>
    public IReadOnlyDictionary<string, long> QuarantinedByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>Rows kept with each flag (a row may have several).</summary>
    public IReadOnlyDictionary<string, long> FlaggedByFlag { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// An asset partitioned by date (a business date, a film week or a month), each partition rebuilt
/// from the inputs the engine resolves for it: the upstream partitions within its dates (staged
/// files of those dates, published partitions), or the whole of an unpartitioned upstream.
/// </summary>
public abstract class PartitionedAsset : Asset
{
    public override Partitioning Partitioning => Partitioning.BusinessDate;

    /// <summary>
    /// The versions that decide whether the partition is stale (its fingerprint, recorded in its state);
    /// the build still reads the resolved inputs. By default every resolved input as it is; an asset may
    /// narrow one to what it actually uses (fact_session: the film matches of its own titles, not the
    /// whole catalogue).
    /// </summary>
    public virtual Task<PartitionInputs> RefineInputsAsync(DateOnly partition, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(inputs);

    /// <summary>Builds the partition's rows from its inputs; the engine writes, checks and publishes them.</summary>
    public abstract Task<DailyResult> BuildAsync(DateOnly partition, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken);
}

/// <summary>The rows of one daily partition, and how many inputs rows went in.</summary>
public sealed record DailyResult(TableColumns Rows, long RowsIn, long RowsDropped, string DropReason)
{
    /// <summary>
    /// Set when a stored file already is the partition: the engine publishes a copy of it, and
    /// <see cref="Rows"/> is not used.
    /// </summary>
    public StoredPartition? Stored { get; init; }

    /// <summary>A partition that a stored file already is: every row in went out, none dropped.</summary>
    public static DailyResult FromStored(StoredPartition stored) =>
        new(TableColumns.Create(new TableSchema("(stored)", [], null, ""), 0), stored.Rows, 0, "") { Stored = stored };
}

/// <summary>
/// A Parquet file in the store that is a partition byte for byte (written by the same writer, with
/// the output's columns in order), how many rows it holds and the verdicts of the asset's checks on
/// them, in the order of its checks (counted a row group at a time, when the file was written or read).
/// The engine copies that version of the file only (<see cref="InputVersion.ETag"/>).
/// </summary>
public sealed record StoredPartition(Core.Pipeline.InputVersion Source, long Rows, IReadOnlyList<CheckVerdict> Verdicts);
