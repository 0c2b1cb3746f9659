namespace CinemaStats.Core.Tables;

public static partial class StagingTables
{
    /// <summary>
    /// The columns of <see cref="CuratedTables.FactTicketLine"/>, in its order: a business date staged
    /// from one file whose lines need no de-duplication is already that date's fact_ticket_line.
    /// </summary>
    public static readonly TableSchema StgPosTransactions = new(
        "stg_pos_transactions",
        CuratedTables.FactTicketLine.Columns,
        PartitionColumn: "business_date",
        Description: "Parsed pos_transactions lines of one raw object and business date.");
}
