namespace CinemaStats.Transform.Films;

/// <summary>
/// The codes written to <c>cleaning_flags</c>: each names one thing cleaning changed or doubted
/// on a row, so an analyst can find every row a rule touched.
/// </summary>
public static class CleaningFlag
{
    /// <summary>The title arrived as a JSON number (<c>2012</c>); it is kept as the text title.</summary>
    public const string TitleNumeric = "title_numeric";

    /// <summary>Mis-decoded accents were repaired (<c>AmÈlie</c> → <c>Amélie</c>).</summary>
    public const string TitleAccentsRepaired = "title_accents_repaired";

    /// <summary>A trailing article was moved to the front (<c>Secret, The</c> → <c>The Secret</c>).</summary>
    public const string TitleArticleMoved = "title_article_moved";

    /// <summary>A <c>(1962)</c> suffix was removed from the title.</summary>
    public const string TitleYearSuffix = "title_year_suffix";

    /// <summary>The title's year suffix disagrees with the release year (after any century correction).</summary>
    public const string TitleYearSuffixMismatch = "title_year_suffix_mismatch";

    /// <summary>The release year lay in the future beyond any announced release and was moved back a century.</summary>
    public const string ReleaseYearCenturyCorrected = "release_year_century_corrected";

    /// <summary>The release year lies in the future and could not safely be corrected; kept as given.</summary>
    public const string ReleaseYearImplausible = "release_year_implausible";

    /// <summary>The release date is Jan 1 or Dec 31: most likely a year-only placeholder. Kept, but do not trust the day.</summary>
    public const string YearOnlyDate = "year_only_date";

    /// <summary>The distributor was written under another name of the same company.</summary>
    public const string DistributorAlias = "distributor_alias";

    /// <summary>No distributor given: stored as Unknown.</summary>
    public const string DistributorUnknown = "distributor_unknown";

    /// <summary>The IMDB rating came without its decimal (<c>7</c> for 7.0); precision is a whole point.</summary>
    public const string ImdbRatingInteger = "imdb_rating_integer";

    /// <summary>The Rotten Tomatoes rating came as a decimal (<c>87.0</c>); rounded to a whole percent.</summary>
    public const string RottenTomatoesRatingDecimal = "rotten_tomatoes_rating_decimal";

    /// <summary>Set by dim_film: another film (a remake or the original) has the same normalized title.</summary>
    public const string TitleShared = "title_shared";

    public static string Join(IEnumerable<string> flags) => string.Join(",", flags.Distinct(StringComparer.Ordinal));
}
