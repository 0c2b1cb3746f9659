using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Pos;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>fact_ticket_line</c>: one row per POS transaction line and business date, from every staged
/// POS file of that date. Reads: stg_pos_transactions · Partitioned by: business date · Writes:
/// curated/fact_ticket_line/business_date=…/ · De-duplication: a whole file re-sent repeats every
/// (transaction_id, line_no); the row of the most recently received file wins (then the later
/// object key, then the later line), and the others count as dropped. A date staged from one file
/// needs none of that: staging refused every key repeated within the raw file, so its staging file
/// is published as it is (same columns, same writer, the file's order), with the check counts staging
/// stored with it; a file staged before those counts were stored is read back, only the columns the
/// checks read, a row group at a time, and published as it is when its keys only ever increase. Memory: the staged lines of one
/// business date are held while it is de-duplicated (never a whole raw file, nor other dates).
/// </summary>
public sealed class FactTicketLineAsset : PartitionedAsset
{
    public override string Name => CuratedTables.FactTicketLine.Name;

    public override IReadOnlyList<string> Upstream => [StagingTables.StgPosTransactions.Name];

    public override TableSchema Output => CuratedTables.FactTicketLine;

    public override IReadOnlyList<AssetCheck> Checks => CheckList;

    /// <summary>The checks, shared with staging, which counts them as it writes (<see cref="StagedLinesSummary"/>).</summary>
    internal static IReadOnlyList<AssetCheck> CheckList { get; } =
    [
        AssetCheck.Counting("transaction_line_unique", CheckSeverity.Block, "Each (transaction_id, line_no) appears once per business date.",
            Duplicates, n => n == 0
                ? CheckVerdict.Pass("no duplicate (transaction_id, line_no)")
                : CheckVerdict.Fail($"{n} duplicate (transaction_id, line_no) keys")),
        AssetCheck.Counting("currency_is_iso_code", CheckSeverity.Warn, "Currency is three upper-case letters (ISO 4217).",
            rows => rows.Get<string?>("currency").Count(c => c is null || c.Length != 3 || c.AsSpan().ContainsAnyExceptInRange('A', 'Z')), n => n == 0
                ? CheckVerdict.Pass("every currency is a three-letter code")
                : CheckVerdict.Fail($"{n} lines with a currency that is not three upper-case letters")),
        AssetCheck.Counting("ticket_lines_have_session", CheckSeverity.Warn, "Ticket lines name their session; those that do not are left out of fact_session.",
            TicketLinesWithoutSession, n => n == 0
                ? CheckVerdict.Pass("every ticket line has a session_id")
                : CheckVerdict.Fail($"{n} ticket lines without session_id (not rolled up to a session)")),
    ];

    public override async Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs resolved, MaterializeContext context, CancellationToken cancellationToken)
    {
        var inputs = resolved.Of(StagingTables.StgPosTransactions.Name);
        // The common case, one file staged for the date with its keys in order: the staging file
        // already is the partition (same columns, same writer) and is published as it is. The check
        // counts come from what staging stored with it, else from reading the checked columns.
        // (A check that needs every row at once sends the date through the general path.)
        if (inputs.Count == 1 && CheckList.All(c => c.CountsRows)
            && (await SummarizedAsync(context.Store, inputs[0], cancellationToken) ?? await InKeyOrderAsync(context.Store, inputs[0], cancellationToken)) is { } stored)
        {
            return DailyResult.FromStored(stored);
        }
        // A POS export lists its transactions in order, so when the keys of all the date's lines
        // only ever increase there is no duplicate and nothing to sort; a single such batch is
        // published as it was read, its column arrays shared rather than copied.
        var batches = new List<TableColumns>();
        var order = new StagedLinesSummary([]);
        foreach (var input in inputs)
        {
            await foreach (var rows in StagingFiles.ReadAsync(context.Store, input.Key, StagingTables.StgPosTransactions, cancellationToken))
            {
                order.Add(rows);
                batches.Add(rows);
            }
        }
        var rowsIn = order.Rows;
        var increasing = order.KeysIncrease;
        TableColumns output;
        var superseded = new SupersessionLog();
        if (increasing && batches.Count == 1)
        {
            output = TableColumns.Project(Output, batches[0]);
        }
        else
        {
            var read = batches.SelectMany(b => Enumerable.Range(0, b.RowCount).Select(i => (b, i))).ToList();
            output = TableColumns.Gather(Output, increasing ? read : LatestPerKey(read, superseded));
        }
        await superseded.WriteAsync(context.Store, Name, context.Partition, cancellationToken);
        return new DailyResult(output, rowsIn, rowsIn - output.RowCount, DropReason);
    }

    private const string DropReason = "superseded: a later received file sent the (transaction_id, line_no) again, as a re-sent file does (the most recently received row wins)";

    /// <summary>The columns <see cref="Checks"/> read, and the key (a check that reads another column must add it here).</summary>
    private static readonly TableSchema CheckedColumns = CuratedTables.FactTicketLine with
    {
        Name = CuratedTables.FactTicketLine.Name + " (checked columns)",
        Columns = [.. CuratedTables.FactTicketLine.Columns.Where(c => c.Name is "transaction_id" or "line_no" or "currency" or "line_type" or "session_id")],
    };

    /// <summary>The column layout this code writes (a hash of the output's columns).</summary>
    internal static string Layout { get; } = PipelineRunner.SchemaHash(CuratedTables.FactTicketLine);

    /// <summary>
    /// The staging file as the partition from the summary staging stored with it (no read of the
    /// file): when that version of the file has one, for this layout. Its keys are unique in any order
    /// (see <see cref="StagedLinesSummary"/>).
    /// </summary>
    private static async Task<StoredPartition?> SummarizedAsync(IObjectStore store, InputVersion staged, CancellationToken cancellationToken)
    {
        var head = await store.HeadAsync(staged.Key, cancellationToken);
        return head is not null && head.ETag == staged.ETag
            && StagedLinesSummary.Parse(head.Metadata.GetValueOrDefault(StagedLinesSummary.MetadataKey), Layout, CheckList) is { } summary
            ? new StoredPartition(staged, summary.Rows, summary.Verdicts())
            : null;
    }

    /// <summary>
    /// A staging file whose keys only ever increase and whose columns are the output's, in order, as
    /// the partition, with the verdicts of the checks; null when it is not so (then it goes through
    /// de-duplication). Read a row group at a time, only the columns the checks read: the counts of
    /// the checks add up over row groups, and with keys increasing across the whole file no key
    /// repeats, in a row group or across them.
    /// </summary>
    private static async Task<StoredPartition?> InKeyOrderAsync(IObjectStore store, InputVersion staged, CancellationToken cancellationToken)
    {
        var summary = new StagedLinesSummary(CheckList);
        try
        {
            await foreach (var rows in StagingFiles.ReadAsync(store, staged.Key, CheckedColumns, cancellationToken, fileLayout: CuratedTables.FactTicketLine))
            {
                summary.Add(rows);
                if (!summary.KeysIncrease)
                {
                    return null;
                }
            }
        }
        catch (InvalidDataException)
        {
            return null; // staged by an older layout: rewritten through the general path
        }
        return new StoredPartition(staged, summary.Rows, summary.Verdicts());
    }

    /// <summary>The winning copy of each (transaction_id, line_no), ordered by that key.</summary>
    private static List<(TableColumns Rows, int Index)> LatestPerKey(List<(TableColumns Rows, int Index)> read, SupersessionLog superseded)
    {
        var winners = new Dictionary<(string TransactionId, int LineNo), Candidate>();
        TableColumns? batch = null;
        (string?[] Ids, int?[] LineNos, DateTime?[] Received, string?[] Sources, long?[] Lines) c = ([], [], [], [], []);
        foreach (var (rows, i) in read)
        {
            if (!ReferenceEquals(rows, batch))
            {
                batch = rows;
                c = (rows.Get<string?>("transaction_id"), rows.Get<int?>("line_no"), rows.Get<DateTime?>("source_received_at"), rows.Get<string?>("source_object"), rows.Get<long?>("source_line"));
            }
            var key = (c.Ids[i]!, c.LineNos[i]!.Value);
            var candidate = new Candidate(rows, i, new LatestStagedRows.StagedCopy(c.Received[i]!.Value, c.Sources[i]!, c.Lines[i]!.Value));
            if (!winners.TryGetValue(key, out var current))
            {
                winners[key] = candidate;
            }
            else if (candidate.Copy.IsLaterThan(current.Copy))
            {
                superseded.Add(candidate.Copy, current.Copy);
                winners[key] = candidate;
            }
            else
            {
                superseded.Add(current.Copy, candidate.Copy);
            }
        }
        return winners
            .OrderBy(w => w.Key.TransactionId, StringComparer.Ordinal).ThenBy(w => w.Key.LineNo)
            .Select(w => (w.Value.Rows, w.Value.Index)).ToList();
    }

    /// <summary>Where a row is and where it came from (a struct: one per staged line, no allocation).</summary>
    private readonly record struct Candidate(TableColumns Rows, int Index, LatestStagedRows.StagedCopy Copy);

    /// <summary>Rows whose (transaction_id, line_no) an earlier row already has.</summary>
    private static long Duplicates(TableColumns rows)
    {
        var ids = rows.Get<string?>("transaction_id");
        var lineNos = rows.Get<int?>("line_no");
        // The table is built in key order: then a repeated key sits next to its first copy, and
        // one pass finds them all without a set of every key.
        var sorted = true;
        var adjacent = 0;
        for (var i = 1; i < rows.RowCount && sorted; i++)
        {
            var order = string.CompareOrdinal(ids[i - 1], ids[i]) is var byId and not 0 ? byId : Nullable.Compare(lineNos[i - 1], lineNos[i]);
            sorted = order <= 0;
            adjacent += order == 0 ? 1 : 0;
        }
        return sorted
            ? adjacent
            : rows.RowCount - Enumerable.Range(0, rows.RowCount).Select(i => (ids[i], lineNos[i])).Distinct().Count();
    }

    private static long TicketLinesWithoutSession(TableColumns rows)
    {
        var types = rows.Get<string?>("line_type");
        var sessions = rows.Get<string?>("session_id");
        return Enumerable.Range(0, rows.RowCount).Count(i => types[i] == PosCodes.Ticket && sessions[i] is null);
    }
}
