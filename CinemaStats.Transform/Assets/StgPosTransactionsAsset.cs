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
        var flagged = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = await StagingByDate.StageAsync<PosLine>(this, raw, context, Chunking,
            content => PosTransactionsReader.Read(content, zoneOf).Select(r => new ParsedRow<PosLine>(r.Record, r.Rejected, r.LineNumber)),
            row => row.BusinessDate,
            (dated, receivedAt) => ToColumns(dated, raw, receivedAt),
            row =>
            {
                foreach (var flag in row.Flags)
                {
                    flagged[flag] = flagged.GetValueOrDefault(flag) + 1;
                }
            },
            cancellationToken);
        if (flagged.Count > 0)
        {
            context.Log.Info($"{Name} {raw}: kept with flags: {string.Join(", ", flagged.Select(f => $"{f.Value} {f.Key}"))}");
        }
        return result;
    }

    private TableColumns ToColumns(IReadOnlyList<(PosLine Row, long Line)> rows, RawObjectKey raw, DateTimeOffset receivedAt)
    {
        var c = TableColumns.Create(Output, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, line) = rows[i];
            c.Get<string?>("transaction_id")[i] = r.TransactionId;
            c.Get<int?>("line_no")[i] = r.LineNo;
            c.Get<string?>("cinema_id")[i] = r.CinemaId;
            c.Get<string?>("terminal_id")[i] = r.TerminalId;
            c.Get<string?>("channel")[i] = r.Channel;
            c.Get<DateTime?>("transaction_ts_utc")[i] = DateTime.SpecifyKind(r.TransactionTsUtc, DateTimeKind.Utc);
            c.Get<string?>("line_type")[i] = r.LineType;
            c.Get<string?>("session_id")[i] = r.SessionId;
            c.Get<string?>("ticket_type")[i] = r.TicketType;
            c.Get<string?>("sku")[i] = r.Sku;
            c.Get<int?>("quantity")[i] = r.Quantity;
            c.Get<long?>("unit_price_minor")[i] = r.UnitPriceMinor;
            c.Get<long?>("discount_minor")[i] = r.DiscountMinor;
            c.Get<long?>("tax_minor")[i] = r.TaxMinor;
            c.Get<long?>("amount_minor")[i] = r.AmountMinor;
            c.Get<string?>("currency")[i] = r.Currency;
            c.Get<string?>("status")[i] = r.Status;
            c.Get<bool?>("is_void")[i] = r.IsVoid;
            c.Get<bool?>("is_refund")[i] = r.IsRefund;
            c.Get<bool?>("is_comp")[i] = r.IsComp;
            c.Get<string?>("original_transaction_id")[i] = r.OriginalTransactionId;
            c.Get<string?>("flags")[i] = r.Flags.Count == 0 ? null : string.Join(',', r.Flags);
            c.Get<string?>("source_object")[i] = raw.ToString();
            c.Get<long?>("source_line")[i] = line;
            c.Get<DateTime?>("source_received_at")[i] = receivedAt.UtcDateTime;
        }
        return c;
    }
}
