namespace CinemaStats.Core.Tables;

public static partial class CuratedTables
{
    /// <summary>
    /// One row per POS transaction line (key: transaction_id, line_no). Money is integer minor units
    /// (hundredths) of <c>currency</c>; <c>amount_minor</c> = quantity × unit_price_minor − discount_minor,
    /// because a line's discount is for the whole line, not per unit (docs/data-contract.md, sample generator).
    /// </summary>
    public static readonly TableSchema FactTicketLine = new(
        "fact_ticket_line",
        [
            new("transaction_id", ColumnType.String, Nullable: false),
            new("line_no", ColumnType.Int32, Nullable: false),
            new("cinema_id", ColumnType.String, Nullable: false, LowCardinality: true),
            new("terminal_id", ColumnType.String, Nullable: true, LowCardinality: true),
            new("channel", ColumnType.String, Nullable: true, LowCardinality: true, Description: "POS / WWW / KIOSK / APP, upper case"),
            new("transaction_ts_utc", ColumnType.TimestampUtc, Nullable: false),
            new("line_type", ColumnType.String, Nullable: false, LowCardinality: true, Description: "TICKET / CONCESSION / FEE"),
            new("session_id", ColumnType.String, Nullable: true, Description: "null when the source left it out, also on some ticket lines"),
            new("ticket_type", ColumnType.String, Nullable: true, LowCardinality: true),
            new("sku", ColumnType.String, Nullable: true, LowCardinality: true),
            new("quantity", ColumnType.Int32, Nullable: false, Description: "negative on a refund"),
            new("unit_price_minor", ColumnType.Int64, Nullable: false, Description: "gross, VAT included"),
            new("discount_minor", ColumnType.Int64, Nullable: false, Description: "for the whole line"),
            new("tax_minor", ColumnType.Int64, Nullable: false, Description: "VAT inside the amount"),
            new("amount_minor", ColumnType.Int64, Nullable: false, Description: "quantity × unit price − discount"),
            new("currency", ColumnType.String, Nullable: false, LowCardinality: true),
            new("status", ColumnType.String, Nullable: false, LowCardinality: true, Description: "COMPLETED / VOID"),
            new("is_void", ColumnType.Boolean, Nullable: false, Description: "excluded from every KPI"),
            new("is_refund", ColumnType.Boolean, Nullable: false),
            new("is_comp", ColumnType.Boolean, Nullable: false),
            new("original_transaction_id", ColumnType.String, Nullable: true, Description: "the sale a refund gives money back for"),
            new("flags", ColumnType.String, Nullable: true, LowCardinality: true,
                Description: "what cleaning noticed but kept, comma-separated (session_id_missing, time_zone_unknown)"),
            new("source_object", ColumnType.String, Nullable: false, LowCardinality: true, Description: "raw object key the row came from"),
            new("source_line", ColumnType.Int64, Nullable: false, Description: "line of the row in its raw file"),
            new("source_received_at", ColumnType.TimestampUtc, Nullable: false, Description: "when the raw object was stored; of repeated lines the latest wins"),
        ],
        PartitionColumn: "business_date",
        Description: "One row per POS transaction line, de-duplicated across re-sent files.");
}
