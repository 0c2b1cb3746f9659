namespace CinemaStats.Core.SampleData;

/// <summary>
/// Invented titles with the shapes that trouble a film key in practice: numbers, accents and a
/// leading article. The kind after each title keeps family titles family films.
/// </summary>
internal static class FilmTitles
{
    public static readonly (string Title, FilmKind Kind)[] Numeric =
    [
        ("2047", FilmKind.Action), ("451", FilmKind.Drama), ("1999", FilmKind.Comedy), ("88", FilmKind.Horror),
    ];

    public static readonly (string Title, FilmKind Kind)[] Accented =
    [
        ("Amélie", FilmKind.Comedy), ("Café Lumière", FilmKind.Drama), ("Señora Luna", FilmKind.Drama),
        ("Über den Wolken", FilmKind.Drama), ("Noël à Québec", FilmKind.Family), ("Mañana", FilmKind.Comedy),
        ("Déjà Vu at Dawn", FilmKind.Horror), ("Crème Brûlée", FilmKind.Comedy), ("Zoë and the Comet", FilmKind.Family),
    ];

    public static readonly (string Title, FilmKind Kind)[] WithArticle =
    [
        ("The Secret", FilmKind.Drama), ("The Last Harbour", FilmKind.Drama), ("The Glass Orchard", FilmKind.Drama),
        ("The Long Night Shift", FilmKind.Comedy), ("A Quiet Winter", FilmKind.Drama), ("The Iron Tide", FilmKind.Action),
        ("The Paper Crown", FilmKind.Family), ("An Ordinary Hero", FilmKind.Action), ("The Lighthouse Keeper", FilmKind.Horror),
        ("The Tin Robot", FilmKind.Family), ("The Salt Road", FilmKind.Drama), ("A Map of Small Things", FilmKind.Documentary),
        ("The Ninth Floor", FilmKind.Horror), ("The Wandering Whale", FilmKind.Family),
    ];

    public static readonly (string Title, FilmKind Kind)[] Plain =
    [
        ("Midnight Orchard", FilmKind.Drama), ("Velvet Thunder", FilmKind.Action), ("Starfall: Origins", FilmKind.Action),
        ("Copper Sky", FilmKind.Drama), ("Harbour Lights", FilmKind.Comedy), ("Ghosts of Kestrel Bay", FilmKind.Horror),
        ("Nightjar", FilmKind.Horror), ("Ember Falls", FilmKind.Drama), ("Dune Runners", FilmKind.Action),
        ("Moonlit Parade", FilmKind.Family), ("Operation Blue Heron", FilmKind.Action), ("Wildflower", FilmKind.Drama),
        ("Frost Giants", FilmKind.Action), ("Gravity's Daughter", FilmKind.Action), ("Rivers of Neon", FilmKind.Action),
        ("Quiet Storm", FilmKind.Drama), ("Captain Pebble", FilmKind.Family), ("Dragon School", FilmKind.Family),
        ("Pirates of the Polder", FilmKind.Family), ("Little Lion", FilmKind.Family), ("Penguin Pals 2", FilmKind.Family),
        ("Wedding Season", FilmKind.Comedy), ("Office Hours", FilmKind.Comedy), ("Road to Nowhere Special", FilmKind.Comedy),
        ("Deep Blue Silence", FilmKind.Documentary), ("Voices of the Delta", FilmKind.Documentary), ("The Hollow", FilmKind.Horror),
        ("Skyline Heist", FilmKind.Action), ("Summer of Kites", FilmKind.Family), ("Brass Knuckle Blues", FilmKind.Action),
        ("Last Train to Lisbon", FilmKind.Drama), ("Northern Lights", FilmKind.Drama), ("Kingdom of Sand", FilmKind.Action),
        ("Mr. Whiskers Saves Christmas", FilmKind.Family), ("Static", FilmKind.Horror), ("Second Chances", FilmKind.Comedy),
        ("Avalanche", FilmKind.Action), ("Paper Planes", FilmKind.Family), ("Cold Open", FilmKind.Comedy), ("Red Meridian", FilmKind.Action),
    ];

    private static readonly string[] Sequels = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    /// <summary>
    /// <paramref name="count"/> distinct titles in random order. One numeric, one accented and one
    /// article title are always among them, so that each kind of title dirt has a title to act on.
    /// </summary>
    public static List<(string Title, FilmKind Kind)> Pick(Random random, int count)
    {
        var first = new List<(string, FilmKind)>
        {
            Numeric[random.Next(Numeric.Length)],
            Accented[random.Next(Accented.Length)],
            WithArticle[random.Next(WithArticle.Length)],
        };
        var rest = Numeric.Concat(Accented).Concat(WithArticle).Concat(Plain).Except(first).ToArray();
        random.Shuffle(rest);
        var pool = first.Concat(rest).ToList();

        var titles = new List<(string Title, FilmKind Kind)>(count);
        for (var i = 0; i < count; i++)
        {
            var (title, kind) = pool[i % pool.Count];
            var round = i / pool.Count;
            titles.Add(round == 0 ? (title, kind) : ($"{title} {(round <= Sequels.Length ? Sequels[round - 1] : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}", kind));
        }
        var shuffled = titles.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }
}
