using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Pos;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>stg_pos_transactions</c>: one raw <c>pos_transactions</c> JSON Lines file, parsed, cleaned and
/// split by business date. Reads: raw/pos_transactions · Partitioned by: raw object · Writes:
/// _pipeline/staging/stg_pos_transactions/ · Bad rows: _pipeline/quarantine/{upload_id}.jsonl with
/// line, field and reason · Local timestamps are read in the cinema's zone from
/// <c>zoneOf</c>; without one they are read as UTC and flagged <c>time_zone_unknown</c>.
/// </summary>
public sealed class StgPosTransactionsAsset(Func<string, TimeZoneInfo?> zoneOf) : RawObjectAsset
{
    /// <summary>No cinema's zone is known: local timestamps are read as UTC and flagged.</summary>
    public StgPosTransactionsAsset()
        : this(static _ => null)
    {
    }

    public override string Name => StagingTables.StgPosTransactions.Name;

    public override string Source => SourceCatalog.PosTransactions.Name;

    public override TableSchema Output => StagingTables.StgPosTransactions;

    /// <summary>How many rows are held before they are written; see <see cref="StagingChunking"/>.</summary>
    public StagingChunking Chunking { get; init; } = StagingChunking.Default;

    public override async Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken)
    {
        // Each date's row groups are written one after another (dates in parallel): what
        // fact_ticket_line would read the file back for is summed here as they go.
        var summaries = new System.Collections.Concurrent.ConcurrentDictionary<DateOnly, StagedLinesSummary>();
        var result = await StagingByDate.StageAsync<PosLine>(this, raw, context, Chunking,
            content => PosTransactionsReader.Read(content, zoneOf).Select(r => new ParsedRow<PosLine>(r.Record, r.Rejected, r.LineNumber)),
            row => row.BusinessDate,
            (dated, receivedAt) =>
            {
                var columns = ToColumns(dated, raw, receivedAt);
                summaries.GetOrAdd(dated[0].Row.BusinessDate, _ => new StagedLinesSummary(FactTicketLineAsset.CheckList)).Add(columns);
                return columns;
            },
            row => row.Flags,
            cancellationToken,
            date => new Dictionary<string, string> { [StagedLinesSummary.MetadataKey] = summaries[date].ToMetadata(FactTicketLineAsset.Layout) });
        if (result.FlaggedByFlag.Count > 0)
        {
            context.Log.Info($"{Name} {raw}: kept with flags: {string.Join(", ", result.FlaggedByFlag.Select(f => $"{f.Value} {f.Key}"))}");
        }
        return result;
    }

    private TableColumns ToColumns(IReadOnlyList<(PosLine Row, long Line)> rows, RawObjectKey raw, DateTimeOffset receivedAt)
    {
        var c = TableColumns.Create(Output, rows.Count);
        var transactionId = c.Get<string?>("transaction_id");
        var lineNo = c.Get<int?>("line_no");
        var cinemaId = c.Get<string?>("cinema_id");
        var terminalId = c.Get<string?>("terminal_id");
        var channel = c.Get<string?>("channel");
        var transactionTsUtc = c.Get<DateTime?>("transaction_ts_utc");
        var lineType = c.Get<string?>("line_type");
        var sessionId = c.Get<string?>("session_id");
        var ticketType = c.Get<string?>("ticket_type");
        var sku = c.Get<string?>("sku");
        var quantity = c.Get<int?>("quantity");
        var unitPriceMinor = c.Get<long?>("unit_price_minor");
        var discountMinor = c.Get<long?>("discount_minor");
        var taxMinor = c.Get<long?>("tax_minor");
        var amountMinor = c.Get<long?>("amount_minor");
        var currency = c.Get<string?>("currency");
        var status = c.Get<string?>("status");
        var isVoid = c.Get<bool?>("is_void");
        var isRefund = c.Get<bool?>("is_refund");
        var isComp = c.Get<bool?>("is_comp");
        var originalTransactionId = c.Get<string?>("original_transaction_id");
        var flags = c.Get<string?>("flags");
        var sourceObject = c.Get<string?>("source_object");
        var sourceLine = c.Get<long?>("source_line");
        var sourceReceivedAt = c.Get<DateTime?>("source_received_at");
        var (source, received) = (raw.ToString(), receivedAt.UtcDateTime);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, line) = rows[i];
            transactionId[i] = r.TransactionId;
            lineNo[i] = r.LineNo;
            cinemaId[i] = r.CinemaId;
            terminalId[i] = r.TerminalId;
            channel[i] = r.Channel;
            transactionTsUtc[i] = DateTime.SpecifyKind(r.TransactionTsUtc, DateTimeKind.Utc);
            lineType[i] = r.LineType;
            sessionId[i] = r.SessionId;
            ticketType[i] = r.TicketType;
            sku[i] = r.Sku;
            quantity[i] = r.Quantity;
            unitPriceMinor[i] = r.UnitPriceMinor;
            discountMinor[i] = r.DiscountMinor;
            taxMinor[i] = r.TaxMinor;
            amountMinor[i] = r.AmountMinor;
            currency[i] = r.Currency;
            status[i] = r.Status;
            isVoid[i] = r.IsVoid;
            isRefund[i] = r.IsRefund;
            isComp[i] = r.IsComp;
            originalTransactionId[i] = r.OriginalTransactionId;
            flags[i] = r.Flags.Count == 0 ? null : string.Join(',', r.Flags);
            sourceObject[i] = source;
            sourceLine[i] = line;
            sourceReceivedAt[i] = received;
        }
        return c;
    }
}
