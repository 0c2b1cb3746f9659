namespace CinemaStats.Transform.Films;

/// <summary>A catalogue row after cleaning, as dim_film stores it.</summary>
public sealed record CleanFilm(
    string FilmKey,
    string Title,
    string TitleRaw,
    DateOnly ReleaseDate,
    bool ReleaseYearCorrected,
    string? MpaaRating,
    int? RunningTimeMin,
    string Distributor,
    string? DistributorRaw,
    string? Genre,
    string? CreativeType,
    string? Source,
    string? Director,
    long? UsGrossMinor,
    long? WorldwideGrossMinor,
    long? UsDvdSalesMinor,
    long? ProductionBudgetMinor,
    int? RottenTomatoesRating,
    int? ImdbRatingX10,
    long? ImdbVotes,
    IReadOnlyList<string> Flags)
{
    public string CleaningFlags => CleaningFlag.Join(Flags);
}
