namespace CinemaStats.Core.SampleData;

/// <summary>
/// Sells each session of a day plan: parties of one to six buy tickets on four channels, online
/// bookings pay a fee, box office and kiosk buyers often add popcorn and drinks, a few tickets are
/// comps, a few sales are voided, a few refunded later. Every session sells exactly its planned
/// admissions (voided seats included), so no session sells above capacity.
/// </summary>
internal static class SalesGenerator
{
    private static readonly string[] Channels = [PosCodes.BoxOffice, PosCodes.Kiosk, PosCodes.Web, PosCodes.App];
    private static readonly double[] ChannelWeights = [0.35, 0.15, 0.30, 0.20];
    private static readonly double[] PartySizes = [0.25, 0.45, 0.15, 0.10, 0.03, 0.02];
    private static readonly double[] FamilyPartySizes = [0.02, 0.15, 0.30, 0.35, 0.13, 0.05];
    private static readonly string[] TicketOrder = [TicketTypes.Adult, TicketTypes.Child, TicketTypes.Senior, TicketTypes.Student, TicketTypes.Member, TicketTypes.Comp];

    /// <summary>The day's transactions, session by session and in time order within a session, with their ids set.</summary>
    public static IEnumerable<Sale> SalesOf(DayPlan plan, int seed, int cinemaIndex, int dayIndex)
    {
        var random = SeedMixer.Stream(seed, RandomStream.Sales, cinemaIndex, dayIndex);
        var cinema = plan.Cinema;
        var opening = LocalClock.Instant(plan.BusinessDate.ToDateTime(new TimeOnly(8, 0)), cinema.TimeZone);
        var idPrefix = $"{cinema.Id}-{plan.BusinessDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}-";
        var sequence = 0;

        foreach (var session in plan.Sessions)
        {
            var sales = new List<Sale>();
            SellTickets(sales, random, cinema, session, opening);
            SellAtCounter(sales, random, cinema, session);
            foreach (var sale in sales.OrderBy(s => s.Instant))
            {
                sale.Id = idPrefix + (++sequence).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
                yield return sale;
            }
        }
    }

    private static void SellTickets(List<Sale> sales, Random random, SampleCinema cinema, PlannedSession session, DateTimeOffset opening)
    {
        var prices = cinema.Prices;
        var adultPrice = prices.Adult(session.PriceGroup, session.Format);
        var remaining = session.Admissions;
        while (remaining > 0)
        {
            var party = Math.Min(remaining, 1 + random.Weighted(session.Film.IsFamily ? FamilyPartySizes : PartySizes));
            remaining -= party;
            var channel = Channels[random.Weighted(ChannelWeights)];
            var online = channel is PosCodes.Web or PosCodes.App;
            var comp = channel == PosCodes.BoxOffice && random.Chance(0.025);
            var isVoid = !online && random.Chance(0.012);
            var sale = new Sale(channel, Terminal(random, cinema, channel), SaleInstant(random, session, opening, online)) { Void = isVoid };

            var promo = channel == PosCodes.Web && random.Chance(0.04);
            foreach (var (type, quantity) in TicketMix(random, session, party, online, comp))
            {
                var unit = prices.Ticket(type, adultPrice);
                var discount = type == TicketTypes.Member ? Cents(quantity * unit * 0.25m) : promo ? Cents(quantity * unit * 0.10m) : 0m;
                sale.Lines.Add(new SaleLine(PosCodes.Ticket, session.Id, type, null, quantity, unit, discount, prices.TicketVat));
            }
            var paidTickets = comp ? 0 : party;
            if (online && paidTickets > 0)
            {
                sale.Lines.Add(new SaleLine(PosCodes.Fee, session.Id, null, PosCodes.BookingFeeSku, paidTickets, prices.BookingFee, 0m, prices.StandardVat));
            }
            var snackChance = channel switch { PosCodes.BoxOffice => 0.45, PosCodes.Kiosk => 0.25, PosCodes.App => 0.10, _ => 0.0 };
            if (random.Chance(snackChance))
            {
                AddConcessions(sale, random, prices, session.Id, party);
            }
            sales.Add(sale);

            if (!isVoid && !comp && random.Chance(online ? 0.03 : 0.015))
            {
                sales.Add(Refund(random, sale, session));
            }
        }
    }

    /// <summary>Popcorn and drinks bought at the counter without a ticket; not tied to a session.</summary>
    private static void SellAtCounter(List<Sale> sales, Random random, SampleCinema cinema, PlannedSession session)
    {
        var count = (int)Math.Round(session.Admissions * (0.04 + 0.08 * random.NextDouble()));
        for (var i = 0; i < count; i++)
        {
            var instant = session.ShowInstant.AddSeconds(-random.Next(0, 45 * 60));
            var sale = new Sale(PosCodes.BoxOffice, Terminal(random, cinema, PosCodes.BoxOffice), instant);
            AddConcessions(sale, random, cinema.Prices, null, 1 + random.Next(0, 2));
            sales.Add(sale);
        }
    }

    private static IEnumerable<(string Type, int Quantity)> TicketMix(Random random, PlannedSession session, int party, bool online, bool comp)
    {
        if (comp)
        {
            return [(TicketTypes.Comp, party)];
        }
        var tickets = new string[party];
        var adults = session.Film.IsFamily ? (party >= 3 ? 2 : 1) : party;
        for (var i = 0; i < party; i++)
        {
            if (i >= adults)
            {
                tickets[i] = TicketTypes.Child;
                continue;
            }
            var x = random.NextDouble();
            tickets[i] = x switch
            {
                < 0.09 => TicketTypes.Student,
                _ when x < (session.IsMatinee ? 0.25 : 0.16) => TicketTypes.Senior,
                _ when x < (session.IsMatinee ? 0.25 : 0.16) + (online ? 0.12 : 0.06) => TicketTypes.Member,
                _ => TicketTypes.Adult,
            };
        }
        return TicketOrder
            .Select(type => (Type: type, Quantity: tickets.Count(t => t == type)))
            .Where(line => line.Quantity > 0)
            .ToList();
    }

    private static void AddConcessions(Sale sale, Random random, PriceList prices, string? sessionId, int people)
    {
        var kinds = 1 + random.Next(0, Math.Min(3, people + 1));
        foreach (var index in Enumerable.Range(0, PosCodes.Concessions.Length).OrderBy(_ => random.Next()).Take(kinds).Order())
        {
            var (sku, basePrice) = PosCodes.Concessions[index];
            var quantity = 1 + random.Next(0, Math.Min(people, 3));
            var unit = prices.Concession(basePrice);
            sale.Lines.Add(new SaleLine(PosCodes.Concession, sessionId, null, sku, quantity, unit, 0m, prices.StandardVat));
        }
    }

    /// <summary>A new transaction giving back all tickets of the sale, or one of them.</summary>
    private static Sale Refund(Random random, Sale sale, PlannedSession session)
    {
        var latest = session.ShowInstant.AddMinutes(-15);
        var instant = latest > sale.Instant.AddMinutes(2)
            ? sale.Instant.AddSeconds(random.NextInt64(120, (long)(latest - sale.Instant).TotalSeconds))
            : sale.Instant.AddMinutes(random.Next(2, 10));
        var refund = new Sale(sale.Channel, sale.Terminal, instant) { Original = sale };
        var tickets = sale.Lines.Where(l => l.LineType == PosCodes.Ticket).ToList();
        var whole = random.Chance(0.5);
        foreach (var line in whole ? tickets : tickets.Take(1))
        {
            var quantity = whole ? line.Quantity : 1;
            refund.Lines.Add(line with { Quantity = -quantity, Discount = -Cents(line.Discount * quantity / line.Quantity) });
        }
        return refund;
    }

    /// <summary>Online bookings come in through the day; box office and kiosk sales in the hour before the show.</summary>
    private static DateTimeOffset SaleInstant(Random random, PlannedSession session, DateTimeOffset opening, bool online)
    {
        var show = session.ShowInstant;
        var window = online ? Math.Min(10 * 3600, (show - opening).TotalSeconds) : Math.Min(3600, (show - opening).TotalSeconds);
        var before = window > 600 ? random.NextInt64(online ? 600 : -300, (long)window) : random.Next(-300, 600);
        return show.AddSeconds(-before);
    }

    private static string Terminal(Random random, SampleCinema cinema, string channel) => channel switch
    {
        PosCodes.BoxOffice => $"{cinema.Id}-BO{1 + random.Next(0, 3)}",
        PosCodes.Kiosk => $"{cinema.Id}-KS{1 + random.Next(0, 4)}",
        PosCodes.Web => $"{cinema.Id}-WEB",
        _ => $"{cinema.Id}-APP",
    };

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
