namespace CinemaStats.Transform.Films;

/// <summary>
/// The fields of the public film table. Headers are matched ignoring case, spaces and
/// underscores, so <c>US Gross</c>, <c>US_Gross</c> and <c>us gross</c> are one field.
/// </summary>
public static class FilmField
{
    public const string Title = "Title";
    public const string UsGross = "US Gross";
    public const string WorldwideGross = "Worldwide Gross";
    public const string UsDvdSales = "US DVD Sales";
    public const string ProductionBudget = "Production Budget";
    public const string ReleaseDate = "Release Date";
    public const string MpaaRating = "MPAA Rating";
    public const string RunningTimeMin = "Running Time min";
    public const string Distributor = "Distributor";
    public const string Source = "Source";
    public const string MajorGenre = "Major Genre";
    public const string CreativeType = "Creative Type";
    public const string Director = "Director";
    public const string RottenTomatoesRating = "Rotten Tomatoes Rating";
    public const string ImdbRating = "IMDB Rating";
    public const string ImdbVotes = "IMDB Votes";

    public static readonly string[] All =
    [
        Title, UsGross, WorldwideGross, UsDvdSales, ProductionBudget, ReleaseDate, MpaaRating, RunningTimeMin,
        Distributor, Source, MajorGenre, CreativeType, Director, RottenTomatoesRating, ImdbRating, ImdbVotes,
    ];

    private static readonly Dictionary<string, string> ByKey = All.ToDictionary(Key, f => f, StringComparer.Ordinal);

    /// <summary>The canonical field a header names, or null for a column the table does not have.</summary>
    public static string? Canonical(string header) => ByKey.GetValueOrDefault(Key(header));

    private static string Key(string header) =>
        new(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
