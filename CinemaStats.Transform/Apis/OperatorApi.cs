using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CinemaStats.Transform.Apis;

/// <summary>An asset as an operator sees it.</summary>
public sealed record AssetSummary(
    string Name, string Description, IReadOnlyList<string> Upstream, string Partitioning, string CodeVersion,
    IReadOnlyList<CheckDescription> Checks, IReadOnlyDictionary<string, int> PartitionsByStatus, AssetPartitionState? LastMaterialization);

public sealed record CheckDescription(string Name, string Severity, string Description);

public sealed record LineageNode(string Id, string Kind, string? Partitioning);

public sealed record LineageEdge(string From, string To);

public sealed record Lineage(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);

/// <summary>What to run again: a source's raw objects, a range of business dates, or only what failed.</summary>
public sealed record ReprocessRequest(string? Source, DateOnly? From, DateOnly? To, bool FailedOnly);

public sealed record ReprocessAccepted(string Trigger, int RawObjects, int Dates);

/// <summary>
/// The operator's questions after a bad upload: what failed, which rows, why, and how to run
/// it again. Read-only endpoints plus <c>POST /v1/reprocess</c>.
/// </summary>
public static class OperatorApi
{
    private const int MaxBackfillDays = 3660;

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Operations").AddEndpointFilter<OperatorKeyFilter>();
        v1.MapGet("/assets", ListAssetsAsync).WithSummary("Every asset with its upstream, checks, partition counts by status and last materialization.");
        v1.MapGet("/assets/{name}/partitions", ListPartitionsAsync).WithSummary("Each partition of a daily asset: status, data version, rows, checks, error.");
        v1.MapGet("/lineage", GetLineage).WithSummary("The asset graph: raw sources and assets as nodes, reads as edges.");
        v1.MapGet("/runs", ListRunsAsync).WithSummary("Recent runs, newest first.");
        v1.MapGet("/runs/{id}", GetRunAsync).WithSummary("One run with its partitions and log summary.");
        v1.MapGet("/raw-objects", ListRawObjectsAsync).WithSummary("The ledger of raw objects; ?status=failed lists what could not be read.");
        v1.MapGet("/uploads/{id}/quarantine", GetQuarantineAsync).WithSummary("The rows of an upload that went to quarantine, with line, field, reason code and reason.");
        v1.MapGet("/uploads/{id}/flagged", GetFlaggedAsync).WithSummary("The kept rows of an upload that cleaning flagged, with table, business date, line, key and flags (at most ?limit=, default 500).");
        v1.MapGet("/freshness", async (FreshnessMonitor monitor, CancellationToken ct) => TypedResults.Ok(await monitor.EvaluateAsync(ct)))
            .WithSummary("Per source: when its newest file arrived, its deadline, and whether it is late.");
        v1.MapPost("/reprocess", Reprocess).WithSummary("Run again: a source's raw objects, a business-date range, or only what failed.");
        return app;
    }

    public static async Task<Ok<List<AssetSummary>>> ListAssetsAsync(AssetGraph graph, AssetPartitionStates states, RawObjectLedger ledger, IObjectStore store, CancellationToken cancellationToken)
    {
        var summaries = new List<AssetSummary>();
        foreach (var asset in graph.InOrder)
        {
            IReadOnlyDictionary<string, int> counts;
            AssetPartitionState? last = null;
            if (asset is RawObjectAsset staging)
            {
                var entries = await ledger.ListAsync(RawObjectKey.PrefixOf(staging.Source), cancellationToken);
                counts = entries.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());
            }
            else
            {
                var partitions = await states.ListAsync(asset.Name, cancellationToken);
                counts = partitions.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
                last = partitions.MaxBy(p => p.UpdatedAt);
            }
            summaries.Add(new AssetSummary(asset.Name, asset.Description, asset.Upstream, asset.Partitioning.ToString(), asset.CodeVersion,
                [.. asset.Checks.Select(c => new CheckDescription(c.Name, c.Severity.ToString().ToLowerInvariant(), c.Description))], counts, last));
        }
        return TypedResults.Ok(summaries);
    }

    public static async Task<Results<Ok<IReadOnlyList<AssetPartitionState>>, ProblemHttpResult>> ListPartitionsAsync(string name, AssetGraph graph, AssetPartitionStates states, CancellationToken cancellationToken)
    {
        if (graph.Find(name) is not PartitionedAsset)
        {
            return NoSuchAsset(name, graph);
        }
        var partitions = await states.ListAsync(name, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssetPartitionState>>([.. partitions.OrderBy(p => p.Partition, StringComparer.Ordinal)]);
    }

    public static Ok<Lineage> GetLineage(AssetGraph graph)
    {
        var (sources, edges) = graph.Lineage();
        var nodes = sources.Select(s => new LineageNode(s, "source", null))
            .Concat(graph.InOrder.Select(a => new LineageNode(a.Name, "asset", a.Partitioning.ToString())))
            .ToList();
        return TypedResults.Ok(new Lineage(nodes, [.. edges.Select(e => new LineageEdge(e.From, e.To))]));
    }

    public static async Task<Ok<IReadOnlyList<RunRecord>>> ListRunsAsync(RunHistory runs, CancellationToken cancellationToken, int limit = 20) =>
        TypedResults.Ok(await runs.RecentAsync(Math.Clamp(limit, 1, 200), cancellationToken));

    public static async Task<Results<Ok<RunRecord>, ProblemHttpResult>> GetRunAsync(string id, RunHistory runs, CancellationToken cancellationToken)
    {
        if (id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')) || await runs.GetAsync(id, cancellationToken) is not { } run)
        {
            return TypedResults.Problem($"There is no run '{id}'. GET /v1/runs lists the recent ones.", statusCode: 404, title: "No such run");
        }
        return TypedResults.Ok(run);
    }

    public static async Task<Ok<IReadOnlyList<RawObjectStatus>>> ListRawObjectsAsync(RawObjectLedger ledger, CancellationToken cancellationToken, string? status = null, string? source = null)
    {
        var prefix = source is null ? RawObjectKey.Root : RawObjectKey.PrefixOf(source);
        var entries = await ledger.ListAsync(prefix, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RawObjectStatus>>([.. entries.Where(e => status is null || e.Status == status)]);
    }

    public static async Task<Results<Ok<QuarantineReport>, ProblemHttpResult>> GetQuarantineAsync(string id, IObjectStore store, CancellationToken cancellationToken)
    {
        if (!IsUploadId(id))
        {
            return TypedResults.Problem($"Upload ids are 32 lower-case hex digits; '{id}' is not one.", statusCode: 400, title: "The upload id is not valid");
        }
        try
        {
            var text = await store.ReadTextAsync(PipelineKey.Quarantine(id), cancellationToken);
            var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<QuarantinedRow>(line)!).ToList();
            return TypedResults.Ok(new QuarantineReport(id, rows.Count, rows));
        }
        catch (ObjectNotFoundException)
        {
            return TypedResults.Ok(new QuarantineReport(id, 0, []));
        }
    }

    public static async Task<Results<Ok<FlaggedRowsReport>, ProblemHttpResult>> GetFlaggedAsync(string id, IObjectStore store, CancellationToken cancellationToken, int limit = 500)
    {
        if (!IsUploadId(id))
        {
            return TypedResults.Problem($"Upload ids are 32 lower-case hex digits; '{id}' is not one.", statusCode: 400, title: "The upload id is not valid");
        }
        if (limit is < 1 or > 10_000)
        {
            return TypedResults.Problem($"limit must be 1 to 10000; {limit} is not.", statusCode: 400, title: "The limit is not valid");
        }
        return TypedResults.Ok(await FlaggedRows.FindAsync(store, id, limit, cancellationToken));
    }

    private static bool IsUploadId(string id) => id.Length == 32 && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static async Task<Results<Accepted<ReprocessAccepted>, ProblemHttpResult>> Reprocess(
        ReprocessRequest request, PipelineWorker worker, RawObjectLedger ledger, AssetGraph graph, AssetPartitionStates states, CancellationToken cancellationToken)
    {
        if (request.Source is null && request.From is null && request.To is null && !request.FailedOnly)
        {
            return Invalid("Say what to run again: a \"source\", a \"from\"/\"to\" business-date range, or \"failedOnly\": true.", "source");
        }
        if (request.Source is not null && SourceCatalog.Find(request.Source) is null)
        {
            return Invalid($"There is no source '{request.Source}'. Known: {string.Join(", ", SourceCatalog.All.Select(s => s.Name))}.", "source");
        }
        if ((request.From is null) != (request.To is null) || request.From > request.To)
        {
            return Invalid("Give both \"from\" and \"to\" (yyyy-MM-dd), with from on or before to.", "from");
        }
        var dates = new List<DateOnly>();
        if (request.From is { } from && request.To is { } to)
        {
            if (to.DayNumber - from.DayNumber >= MaxBackfillDays)
            {
                return Invalid($"A backfill covers at most {MaxBackfillDays} days; split the range.", "to");
            }
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                dates.Add(d);
            }
        }

        var raw = new List<RawObjectKey>();
        var prefix = request.Source is null ? RawObjectKey.Root : RawObjectKey.PrefixOf(request.Source);
        foreach (var entry in await ledger.ListAsync(prefix, cancellationToken))
        {
            var wanted = request.FailedOnly ? entry.Status == RawObjectStatus.Failed : request.Source is not null;
            if (wanted && RawObjectKey.TryParse(entry.RawKey, out var key))
            {
                raw.Add(key);
            }
        }
        if (request.FailedOnly)
        {
            foreach (var asset in graph.InOrder.OfType<PartitionedAsset>())
            {
                foreach (var state in await states.ListAsync(asset.Name, cancellationToken))
                {
                    if (state.Status is AssetPartitionState.Failed or AssetPartitionState.Blocked && DateOnly.TryParse(state.Partition, out var date)
                        && (request.From is null || (date >= request.From && date <= request.To)))
                    {
                        dates.Add(date);
                    }
                }
            }
        }
        var trigger = $"reprocess({string.Join(", ", new[] { request.Source, request.From?.ToString("yyyy-MM-dd"), request.To?.ToString("yyyy-MM-dd"), request.FailedOnly ? "failed only" : null }.OfType<string>())})";
        worker.Enqueue(new RunRequest(trigger, raw, [.. dates.Distinct()], Force: true));
        return TypedResults.Accepted("/v1/runs", new ReprocessAccepted(trigger, raw.Count, dates.Distinct().Count()));
    }

    private static ProblemHttpResult NoSuchAsset(string name, AssetGraph graph) =>
        TypedResults.Problem($"There is no partitioned asset '{name}'. Assets: {string.Join(", ", graph.InOrder.Select(a => a.Name))}.", statusCode: 404, title: "No such asset");

    private static ProblemHttpResult Invalid(string detail, string field) =>
        TypedResults.Problem(detail, statusCode: 400, title: "The reprocess request is not valid", extensions: new Dictionary<string, object?> { ["field"] = field });
}

public sealed record QuarantineReport(string UploadId, int Rows, IReadOnlyList<QuarantinedRow> Quarantined);
