namespace CinemaStats.Core.SampleData;

/// <summary>One POS transaction as generated: a sale, a voided sale or a refund of an earlier one.</summary>
internal sealed class Sale(string channel, string terminal, DateTimeOffset instant)
{
    /// <summary>Set when the sale takes its place in the file, so ids follow the file's order.</summary>
    public string Id { get; set; } = "";

    public string Channel { get; } = channel;

    public string Terminal { get; } = terminal;

    /// <summary>When it happened, in UTC; the writer shows it on the cinema's clock.</summary>
    public DateTimeOffset Instant { get; } = instant;

    public bool Void { get; init; }

    /// <summary>The sale a refund gives money back for; null for sales.</summary>
    public Sale? Original { get; init; }

    public List<SaleLine> Lines { get; } = [];
}

/// <summary>
/// A transaction line. Amounts are gross: the line is worth Quantity × UnitPrice − Discount, and
/// Tax is the VAT inside that. A refund line has a negative quantity, discount and tax.
/// </summary>
internal sealed record SaleLine(string LineType, string? SessionId, string? TicketType, string? Sku, int Quantity, decimal UnitPrice, decimal Discount, decimal VatRate)
{
    public decimal Amount => Quantity * UnitPrice - Discount;

    public decimal Tax => PriceList.VatIn(Amount, VatRate);
}

/// <summary>The line types, channels and concession SKUs of the POS source.</summary>
internal static class PosCodes
{
    public const string Ticket = "TICKET";
    public const string Concession = "CONCESSION";
    public const string Fee = "FEE";
    public const string BookingFeeSku = "BOOKING-FEE";

    public const string BoxOffice = "POS";
    public const string Web = "WWW";
    public const string Kiosk = "KIOSK";
    public const string App = "APP";

    /// <summary>Concession SKUs and their price in pounds; other currencies scale it by the cinema's price list.</summary>
    public static readonly (string Sku, decimal BasePrice)[] Concessions =
    [
        ("POPCORN-S", 4.50m), ("POPCORN-M", 5.95m), ("POPCORN-L", 7.25m), ("DRINK-M", 3.95m), ("DRINK-L", 4.75m),
        ("NACHOS", 6.25m), ("CANDY", 3.25m), ("WATER", 2.50m), ("COFFEE", 3.20m), ("ICE-CREAM", 4.20m),
    ];
}
