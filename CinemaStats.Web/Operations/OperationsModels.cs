using CinemaStats.Core.Pipeline;

namespace CinemaStats.Web.Operations;

// The parts of the transform's operator API and the ingest API that the web shows. Field names
// follow those services' JSON (camelCase; quarantine lines are snake_case).

public sealed record AssetView(
    string Name, string Description, IReadOnlyList<string> Upstream, string Partitioning,
    IReadOnlyList<CheckView> Checks, IReadOnlyDictionary<string, int> PartitionsByStatus, AssetPartitionState? LastMaterialization);

public sealed record CheckView(string Name, string Severity, string Description);

public sealed record LineageView(IReadOnlyList<LineageNodeView> Nodes, IReadOnlyList<LineageEdgeView> Edges);

public sealed record LineageNodeView(string Id, string Kind, string? Partitioning);

public sealed record LineageEdgeView(string From, string To);

public sealed record RunPartitionView(string Asset, string Partition, string Status, string? Error);

public sealed record RunView(string RunId, string Trigger, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<string> RawObjects, IReadOnlyList<RunPartitionView> Partitions);

public sealed record QuarantineView(string UploadId, int Rows, IReadOnlyList<QuarantinedRow> Quarantined);

public sealed record FlaggedRowsView(string UploadId, IReadOnlyList<FlaggedRowView> Rows, bool Truncated);

public sealed record FlaggedRowView(string Table, DateOnly? BusinessDate, long Line, string Key, string Flags);

public sealed record ReprocessOrder(string? Source, DateOnly? From, DateOnly? To, bool FailedOnly);

public sealed record ReprocessReceipt(string Trigger, int RawObjects, int Dates);

/// <summary>An upload as the ingest API reports it.</summary>
public sealed record UploadView(
    string UploadId, string Source, string Status, string Key, long Size, string OriginalName, DateTimeOffset ReceivedAt,
    long? RowsIn, long? RowsOut, long? RowsQuarantined, string? Error)
{
    public bool IsFinal => Status is "processed" or "failed";

    /// <summary>Once processed: what became of every row (docs/data-contract.md, "Quality report").</summary>
    public UploadQuality? Quality { get; init; }
}

/// <summary>A call to another service failed; <see cref="Exception.Message"/> is written for the person using the page.</summary>
public sealed class ServiceCallException(string message, Exception? inner = null) : Exception(message, inner);
