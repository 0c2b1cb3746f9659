namespace CinemaStats.Core.SampleData;

/// <summary>
/// The cinemas of a data set. Sites are taken in a fixed order so that three cinemas already
/// span three currencies and four span three time zones; ids are the city code and a number (LDN1, LDN2 …).
/// </summary>
internal static class CinemaRoster
{
    private sealed record Site(string Code, string City, string TimeZoneId, bool SpeaksEnglish, PriceList Prices);

    private static readonly PriceList Gbp = new("GBP", 12.50m, 1.00m, 0.95m, 0.20m, 0.20m);
    private static readonly PriceList EurGermany = new("EUR", 11.50m, 1.10m, 1.00m, 0.07m, 0.19m);
    private static readonly PriceList EurFrance = new("EUR", 12.00m, 1.10m, 1.00m, 0.055m, 0.10m);
    private static readonly PriceList EurAustria = new("EUR", 11.00m, 1.05m, 0.90m, 0.13m, 0.20m);
    private static readonly PriceList Chf = new("CHF", 19.00m, 1.60m, 1.50m, 0.081m, 0.081m);
    private static readonly PriceList UsdNewYork = new("USD", 16.50m, 1.30m, 1.75m, 0.08875m, 0.08875m);
    private static readonly PriceList UsdMidwest = new("USD", 13.50m, 1.20m, 1.50m, 0.1025m, 0.1025m);

    private static readonly Site[] Sites =
    [
        new("LDN", "London", "Europe/London", true, Gbp),
        new("BER", "Berlin", "Europe/Berlin", false, EurGermany),
        new("ZRH", "Zurich", "Europe/Zurich", false, Chf),
        new("NYC", "New York", "America/New_York", true, UsdNewYork),
        new("MAN", "Manchester", "Europe/London", true, Gbp),
        new("MUC", "Munich", "Europe/Berlin", false, EurGermany),
        new("PAR", "Paris", "Europe/Paris", false, EurFrance),
        new("CHI", "Chicago", "America/Chicago", true, UsdMidwest),
        new("GVA", "Geneva", "Europe/Zurich", false, Chf),
        new("EDI", "Edinburgh", "Europe/London", true, Gbp),
        new("VIE", "Vienna", "Europe/Vienna", false, EurAustria),
        new("BOS", "Boston", "America/New_York", true, UsdNewYork),
    ];

    public static IReadOnlyList<SampleCinema> Build(SampleDataOptions options)
    {
        var cinemas = new List<SampleCinema>(options.Cinemas);
        for (var i = 0; i < options.Cinemas; i++)
        {
            var site = Sites[i % Sites.Length];
            var random = SeedMixer.Stream(options.Seed, RandomStream.Roster, i);
            var id = $"{site.Code}{i / Sites.Length + 1}";
            cinemas.Add(new SampleCinema(id, site.City, TimeZoneInfo.FindSystemTimeZoneById(site.TimeZoneId), site.TimeZoneId,
                site.Prices, site.SpeaksEnglish, Screens(random)));
        }
        return cinemas;
    }

    private static List<SampleScreen> Screens(Random random)
    {
        var count = random.Next(3, 11);
        var capacities = Enumerable.Range(0, count)
            .Select(_ => random.Next(6, 43) * 10)
            .OrderDescending()
            .ToList();
        var hasImax = count >= 6 && random.NextDouble() < 0.4;
        return capacities
            .Select((capacity, i) => new SampleScreen((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), capacity, hasImax && i == 0 ? "IMAX" : "2D"))
            .ToList();
    }
}
