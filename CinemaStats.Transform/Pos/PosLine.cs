namespace CinemaStats.Transform.Pos;

/// <summary>
/// One <c>pos_transactions</c> line after parsing and cleaning. Money is in minor units (hundredths)
/// of <see cref="Currency"/>; <see cref="AmountMinor"/> = quantity × unit price − discount, the
/// discount being for the whole line (the source's amounts are gross, VAT included).
/// </summary>
public sealed record PosLine(
    string TransactionId,
    int LineNo,
    string CinemaId,
    string? TerminalId,
    string? Channel,
    DateTime TransactionTsUtc,
    DateOnly BusinessDate,
    string LineType,
    string? SessionId,
    string? TicketType,
    string? Sku,
    int Quantity,
    long UnitPriceMinor,
    long DiscountMinor,
    long TaxMinor,
    long AmountMinor,
    string Currency,
    string Status,
    string? OriginalTransactionId,
    IReadOnlyList<string> Flags)
{
    public bool IsVoid => Status == PosCodes.Void;

    /// <summary>A refund gives money back: negative quantity, or a reference to the sale it refunds.</summary>
    public bool IsRefund => Quantity < 0 || OriginalTransactionId is not null;

    public bool IsComp => TicketType == PosCodes.Comp;
}
