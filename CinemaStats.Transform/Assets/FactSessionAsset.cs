using CinemaStats.Core.Storage;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>fact_session</c>: one row per session and business date, from every staged sessions file
/// of that date. Reads: stg_sessions · Partitioned by: business date · Writes:
/// curated/fact_session/business_date=…/ · De-duplication: when files repeat a session_id, the
/// row of the most recently received file wins (then the later line) · Sales columns are 0
/// until POS lines are rolled up.
/// </summary>
public sealed class FactSessionAsset : DailyAsset
{
    public override string Name => CuratedTables.FactSession.Name;

    public override IReadOnlyList<string> Upstream => [StagingTables.StgSessions.Name];

    public override TableSchema Output => CuratedTables.FactSession;

    public override IReadOnlyList<AssetCheck> Checks { get; } =
    [
        new("session_id_unique", CheckSeverity.Block, "Each session appears once per business date.",
            rows => Duplicates(rows.Get<string?>("session_id")) is var n && n == 0
                ? CheckVerdict.Pass("no duplicate session_id")
                : CheckVerdict.Fail($"{n} duplicate session_id values")),
        new("capacity_in_range", CheckSeverity.Warn, "Capacity is between 1 and 2000 seats where given.",
            rows => rows.Get<int?>("capacity").Count(c => c is < 1 or > 2000) is var n && n == 0
                ? CheckVerdict.Pass("all capacities within 1..2000")
                : CheckVerdict.Fail($"{n} sessions with capacity outside 1..2000")),
        new("has_rows", CheckSeverity.Warn, "The partition is not empty.",
            rows => rows.RowCount > 0 ? CheckVerdict.Pass($"{rows.RowCount} rows") : CheckVerdict.Fail("no rows")),
    ];

    public override async Task<IReadOnlyList<InputVersion>> InputsAsync(DateOnly businessDate, MaterializeContext context, CancellationToken cancellationToken)
    {
        var inputs = new List<InputVersion>();
        await foreach (var head in context.Store.ListAllAsync(PipelineKey.StagingPrefix(StagingTables.StgSessions.Name, businessDate), cancellationToken))
        {
            inputs.Add(new InputVersion(head.Key, head.ETag));
        }
        return inputs;
    }

    public override async Task<IReadOnlyList<DateOnly>> DatesWithInputsAsync(MaterializeContext context, CancellationToken cancellationToken)
    {
        var dates = new SortedSet<DateOnly>();
        await foreach (var head in context.Store.ListAllAsync(PipelineKey.StagingPrefix(StagingTables.StgSessions.Name), cancellationToken))
        {
            var segment = head.Key.Split('/').FirstOrDefault(s => s.StartsWith("business_date=", StringComparison.Ordinal));
            if (segment is not null && DateOnly.TryParse(segment["business_date=".Length..], out var date))
            {
                dates.Add(date);
            }
        }
        return [.. dates];
    }

    public override async Task<DailyResult> BuildAsync(DateOnly businessDate, IReadOnlyList<InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var staged = StagingTables.StgSessions;
        var winners = new Dictionary<string, (TableColumns Rows, int Index, DateTime ReceivedAt, string Source, long Line)>(StringComparer.Ordinal);
        long rowsIn = 0;
        foreach (var input in inputs)
        {
            await foreach (var rows in StagingFiles.ReadAsync(context.Store, input.Key, staged, cancellationToken))
            {
                var ids = rows.Get<string?>("session_id");
                var received = rows.Get<DateTime?>("source_received_at");
                var sources = rows.Get<string?>("source_object");
                var lines = rows.Get<long?>("source_line");
                for (var i = 0; i < rows.RowCount; i++)
                {
                    rowsIn++;
                    var candidate = (rows, i, received[i]!.Value, sources[i]!, lines[i]!.Value);
                    if (!winners.TryGetValue(ids[i]!, out var current) || Later(candidate, current))
                    {
                        winners[ids[i]!] = candidate;
                    }
                }
            }
        }

        var ordered = winners.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value).ToList();
        var output = TableColumns.Create(Output, ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            output.CopyRow(ordered[i].Rows, ordered[i].Index, i);
        }
        // Staged rows carry no sales: they are rolled up from POS lines.
        foreach (var sales in new[] { "adm", "paid_adm", "gbo_minor", "concessions_minor" })
        {
            Array.Fill((long?[])output[sales], 0L);
        }
        var dropped = rowsIn - ordered.Count;
        return new DailyResult(output, rowsIn, dropped, "repeated session_id: the most recently received row wins");
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

    private static int Duplicates(string?[] values) => values.Length - values.Distinct(StringComparer.Ordinal).Count();
}
