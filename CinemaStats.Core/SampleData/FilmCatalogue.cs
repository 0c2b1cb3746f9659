namespace CinemaStats.Core.SampleData;

/// <summary>
/// The clean film catalogue of a data set. Films in cinemas open on the Fridays from five weeks
/// before the period to its end, two or three a week; the rest is back catalogue from 1933 on.
/// </summary>
internal sealed class FilmCatalogue
{
    private static readonly string[] FirstNames = ["Ava", "Jonas", "Mira", "Tomas", "Lena", "Ravi", "Chloe", "Marcus", "Ines", "Kenji", "Sofia", "Owen", "Nadia", "Felix", "Greta", "Hugo"];
    private static readonly string[] LastNames = ["Lindqvist", "Okafor", "Brennan", "Castellano", "Whitfield", "Nakamura", "Dubois", "Hartmann", "Moreau", "Kowalski", "Reyes", "Ashford", "Varga", "Oyelaran"];

    private FilmCatalogue(IReadOnlyList<SampleFilm> films)
    {
        Films = films;
        Playing = films.Where(f => f.IsPlaying).ToList();
    }

    /// <summary>Every film, ordered by title then release date as the public table is.</summary>
    public IReadOnlyList<SampleFilm> Films { get; }

    public IReadOnlyList<SampleFilm> Playing { get; }

    public static FilmCatalogue Build(SampleDataOptions options)
    {
        var random = SeedMixer.Stream(options.Seed, RandomStream.Catalogue);
        var openings = OpeningDates(options, random);
        var total = Math.Max(options.FilmsCount, openings.Count);
        var titles = FilmTitles.Pick(random, total);

        var films = new List<SampleFilm>(total);
        for (var i = 0; i < total; i++)
        {
            var playing = i < openings.Count;
            var release = playing ? openings[i] : BackCatalogueDate(random);
            films.Add(Film(random, i, titles[i].Title, titles[i].Kind, release, playing));
        }
        return new FilmCatalogue(films
            .OrderBy(f => f.Title, StringComparer.Ordinal)
            .ThenBy(f => f.ReleaseDate)
            .ToList());
    }

    /// <summary>The films in cinemas on a date and their pull, strongest first.</summary>
    public List<(SampleFilm Film, double Pull)> PlayingOn(DateOnly date) =>
        Playing.Select(f => (Film: f, Pull: f.PullOn(date)))
            .Where(p => p.Pull > 0)
            .OrderByDescending(p => p.Pull)
            .ThenBy(p => p.Film.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The Friday on or before a date.</summary>
    public static DateOnly FridayOnOrBefore(DateOnly date) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));

    private static List<DateOnly> OpeningDates(SampleDataOptions options, Random random)
    {
        var dates = new List<DateOnly>();
        for (var friday = FridayOnOrBefore(options.StartDate).AddDays(-35); friday <= options.EndDate; friday = friday.AddDays(7))
        {
            var count = random.NextDouble() < 0.5 ? 2 : 3;
            dates.AddRange(Enumerable.Repeat(friday, count));
        }
        return dates;
    }

    private static DateOnly BackCatalogueDate(Random random) =>
        new DateOnly(random.Next(1933, 2026), 1, 2).AddDays(random.Next(0, 363)); // never Jan 1 or Dec 31: those are the year-only dirt

    private static SampleFilm Film(Random random, int index, string title, FilmKind kind, DateOnly release, bool playing)
    {
        var (genre, creativeType, rating, minutes) = kind switch
        {
            FilmKind.Family => (random.Pick("Adventure", "Comedy"), "Kids Fiction", random.Pick("G", "PG"), random.Next(82, 106)),
            FilmKind.Action => (random.Pick("Action", "Adventure", "Thriller/Suspense"), random.Pick("Super Hero", "Science Fiction", "Contemporary Fiction", "Fantasy"), random.Pick("PG-13", "PG-13", "R"), random.Next(105, 166)),
            FilmKind.Drama => (random.Pick("Drama", "Drama", "Romantic Comedy"), random.Pick("Contemporary Fiction", "Historical Fiction", "Dramatization"), random.Pick("PG-13", "R"), random.Next(95, 151)),
            FilmKind.Comedy => (random.Pick("Comedy", "Romantic Comedy", "Black Comedy"), "Contemporary Fiction", random.Pick("PG-13", "R"), random.Next(86, 116)),
            FilmKind.Horror => (random.Pick("Horror", "Thriller/Suspense"), random.Pick("Fantasy", "Contemporary Fiction"), "R", random.Next(84, 111)),
            _ => ("Documentary", "Factual", random.Pick("PG", "Not Rated"), random.Next(78, 111)),
        };
        var source = random.Pick("Original Screenplay", "Original Screenplay", "Based on Book/Short Story", "Based on Comic/Graphic Novel", "Based on Real Life Events", "Based on TV");
        var appeal = Math.Clamp(Math.Exp(0.45 * random.Normal()) * kind switch
        {
            FilmKind.Action => 1.2,
            FilmKind.Family => 1.1,
            FilmKind.Documentary => 0.45,
            FilmKind.Horror => 0.8,
            _ => 0.9,
        }, 0.25, 2.0);
        var budget = (long)(appeal * random.Next(8, 160)) * 1_000_000;
        var usGross = (long)(budget * Math.Exp(0.7 * random.Normal()) * (playing ? 0.4 : 1.1) / 1000) * 1000;
        var worldwide = (long)(usGross * (1.4 + random.NextDouble() * 1.8) / 1000) * 1000;
        long? dvd = !playing && release.Year is >= 1997 and <= 2015 ? usGross / random.Next(3, 8) / 1000 * 1000 : null;
        var distributor = release.Year < 1970 && random.NextDouble() < 0.5
            ? random.Pick("Warner Bros.", "Paramount Pictures", "Universal", "20th Century Fox")
            : Distributors.All[random.Next(Distributors.All.Length)].Name;

        return new SampleFilm(
            Code: $"F{index + 1:0000}",
            Title: title,
            ReleaseDate: release,
            IsPlaying: playing,
            Kind: kind,
            Genre: genre,
            CreativeType: creativeType,
            Source: source,
            MpaaRating: rating,
            RunningMinutes: minutes,
            Distributor: distributor,
            Director: $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            Appeal: appeal,
            ProductionBudget: budget,
            UsGross: usGross,
            WorldwideGross: worldwide,
            UsDvdSales: dvd,
            RottenTomatoesRating: random.Next(8, 99),
            ImdbRating: Math.Round(3.5m + (decimal)random.NextDouble() * 5.4m, 1),
            ImdbVotes: playing ? random.Next(800, 60_000) : random.Next(2_000, 900_000));
    }
}
