namespace CinemaStats.Core.SampleData;

/// <summary>
/// A cinema's prices, gross (VAT included) as on the price board, and the VAT rates inside them.
/// Tickets and concessions carry different rates in several countries.
/// </summary>
internal sealed record PriceList(string Currency, decimal AdultEvening, decimal ConcessionScale, decimal BookingFee, decimal TicketVat, decimal StandardVat)
{
    /// <summary>An adult ticket for a price group and format, rounded to the 0.10 a price board uses.</summary>
    public decimal Adult(string priceGroup, string format)
    {
        var price = AdultEvening * priceGroup switch
        {
            PriceGroups.Matinee => 0.75m,
            PriceGroups.Late => 0.9m,
            PriceGroups.Discount => 0.6m,
            _ => 1m,
        };
        price += format switch
        {
            "3D" => AdultEvening * 0.15m,
            "IMAX" => AdultEvening * 0.35m,
            _ => 0m,
        };
        return Board(price);
    }

    /// <summary>The unit price of a ticket type; members pay the adult price and get a discount on the line.</summary>
    public decimal Ticket(string ticketType, decimal adult) => ticketType switch
    {
        TicketTypes.Child => Board(adult * 0.7m),
        TicketTypes.Senior => Board(adult * 0.75m),
        TicketTypes.Student => Board(adult * 0.8m),
        TicketTypes.Comp => 0m,
        _ => adult,
    };

    public decimal Concession(decimal basePrice) => Math.Round(basePrice * ConcessionScale / 0.05m, MidpointRounding.AwayFromZero) * 0.05m;

    /// <summary>The VAT inside a gross amount, to the cent.</summary>
    public static decimal VatIn(decimal gross, decimal rate) => Math.Round(gross * rate / (1 + rate), 2, MidpointRounding.AwayFromZero);

    private static decimal Board(decimal price) => Math.Round(price / 0.10m, MidpointRounding.AwayFromZero) * 0.10m;
}

/// <summary>The price groups of the sessions file.</summary>
internal static class PriceGroups
{
    public const string Matinee = "MATINEE";
    public const string Peak = "PEAK";
    public const string Late = "LATE";
    public const string Discount = "DISCOUNT";
}

/// <summary>The ticket types of docs/data-contract.md.</summary>
internal static class TicketTypes
{
    public const string Adult = "ADULT";
    public const string Child = "CHILD";
    public const string Senior = "SENIOR";
    public const string Student = "STUDENT";
    public const string Comp = "COMP";
    public const string Member = "MEMBER";
}
