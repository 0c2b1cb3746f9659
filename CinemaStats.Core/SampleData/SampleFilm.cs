namespace CinemaStats.Core.SampleData;

/// <summary>
/// A film of the generated catalogue, clean. <see cref="Appeal"/> scales its audience: a film's
/// pull in week n after opening is Appeal × 0.6ⁿ, which both programmes and sells it.
/// </summary>
internal sealed record SampleFilm(
    string Code,
    string Title,
    DateOnly ReleaseDate,
    bool IsPlaying,
    FilmKind Kind,
    string Genre,
    string CreativeType,
    string Source,
    string? MpaaRating,
    int RunningMinutes,
    string Distributor,
    string Director,
    double Appeal,
    long ProductionBudget,
    long UsGross,
    long WorldwideGross,
    long? UsDvdSales,
    int RottenTomatoesRating,
    decimal ImdbRating,
    int ImdbVotes)
{
    public const double WeeklyDecay = 0.6;

    /// <summary>How long a film stays in the programme.</summary>
    public const int WeeksInCinemas = 8;

    /// <summary>Children come with their parents to these, and buy CHILD tickets.</summary>
    public bool IsFamily => Kind == FilmKind.Family;

    public bool Suits3D => Kind is FilmKind.Family or FilmKind.Action;

    /// <summary>Full weeks since opening (film weeks run Friday to Thursday), or null before it opens.</summary>
    public int? WeekOfRun(DateOnly date) => date < ReleaseDate ? null : (date.DayNumber - ReleaseDate.DayNumber) / 7;

    /// <summary>The pull of the film on a date; zero when it is not in cinemas.</summary>
    public double PullOn(DateOnly date) =>
        IsPlaying && WeekOfRun(date) is { } week && week < WeeksInCinemas ? Appeal * Math.Pow(WeeklyDecay, week) : 0;
}

/// <summary>The broad kind of a film, which decides its genre, audience and length.</summary>
internal enum FilmKind
{
    Family,
    Action,
    Drama,
    Comedy,
    Horror,
    Documentary,
}
