using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

public sealed class FilmCleanerTests
{
    [Fact]
    public void A_year_a_century_ahead_is_moved_back_and_flagged()
    {
        var film = FilmRows.Clean(FilmRows.Row("King Kong", "Mar 07 2033"));
        Assert.Equal(new DateOnly(1933, 3, 7), film.ReleaseDate);
        Assert.True(film.ReleaseYearCorrected);
        Assert.Contains(CleaningFlag.ReleaseYearCenturyCorrected, film.Flags);
        Assert.Equal("king kong|1933-03-07", film.FilmKey);
    }

    [Fact]
    public void Two_digit_years_that_land_a_century_ahead_are_corrected_too()
    {
        Assert.Equal(new DateOnly(1933, 3, 7), FilmRows.Clean(FilmRows.Row("King Kong", "7-Mar-33")).ReleaseDate);
    }

    [Fact]
    public void A_near_future_release_is_kept_and_a_year_that_contradicts_the_title_is_only_flagged()
    {
        var upcoming = FilmRows.Clean(FilmRows.Row("Dune: Part Three", "Dec 18 2026"));
        Assert.Equal(new DateOnly(2026, 12, 18), upcoming.ReleaseDate);
        Assert.False(upcoming.ReleaseYearCorrected);

        var doubtful = FilmRows.Clean(FilmRows.Row("King Kong (1976)", "Mar 07 2033"));
        Assert.Equal(new DateOnly(2033, 3, 7), doubtful.ReleaseDate);
        Assert.False(doubtful.ReleaseYearCorrected);
        Assert.Contains(CleaningFlag.ReleaseYearImplausible, doubtful.Flags);
    }

    [Theory]
    [InlineData("Dec 31 1987")]
    [InlineData("Jan 01 1987")]
    public void Year_only_dates_are_kept_and_flagged(string date)
    {
        var film = FilmRows.Clean(FilmRows.Row(date: date));
        Assert.Equal(1987, film.ReleaseDate.Year);
        Assert.Contains(CleaningFlag.YearOnlyDate, film.Flags);
        Assert.DoesNotContain(CleaningFlag.YearOnlyDate, FilmRows.Clean(FilmRows.Row(date: "Jun 12 1998")).Flags);
    }

    [Theory]
    [InlineData("Sony/Columbia", "Sony", CleaningFlag.DistributorAlias)]
    [InlineData("Sony/TriStar", "Sony", CleaningFlag.DistributorAlias)]
    [InlineData("Sony Pictures", "Sony", null)]
    [InlineData("Warner Brothers", "Warner Bros.", CleaningFlag.DistributorAlias)]
    [InlineData("A24", "A24", null)]
    [InlineData(null, "Unknown", CleaningFlag.DistributorUnknown)]
    [InlineData("  ", "Unknown", CleaningFlag.DistributorUnknown)]
    public void Distributors_map_to_their_parent(string? raw, string parent, string? flag)
    {
        var film = FilmRows.Clean(FilmRows.Row(distributor: raw));
        Assert.Equal(parent, film.Distributor);
        Assert.Equal(string.IsNullOrWhiteSpace(raw) ? null : raw, film.DistributorRaw);
        Assert.Equal(flag is null ? "" : flag, film.CleaningFlags);
    }

    [Fact]
    public void Ratings_as_int_or_float_become_the_same_numbers()
    {
        var asFloat = FilmRows.Clean(FilmRows.Row(imdb: "7.0", rt: "87.0"));
        var asInt = FilmRows.Clean(FilmRows.Row(imdb: "7", rt: "87"));
        Assert.Equal((70, 87), (asFloat.ImdbRatingX10, asFloat.RottenTomatoesRating));
        Assert.Equal((70, 87), (asInt.ImdbRatingX10, asInt.RottenTomatoesRating));
        Assert.Contains(CleaningFlag.RottenTomatoesRatingDecimal, asFloat.Flags);
        Assert.Contains(CleaningFlag.ImdbRatingInteger, asInt.Flags);
        Assert.Equal(74, FilmRows.Clean(FilmRows.Row(imdb: "7.4")).ImdbRatingX10);
    }

    [Fact]
    public void Money_is_kept_in_cents_and_accepts_strings_with_separators()
    {
        Assert.Equal(146_083_000_00L, FilmRows.Clean(FilmRows.Row(gross: "146,083,000")).UsGrossMinor);
        Assert.Equal(146_083_000_00L, FilmRows.Clean(FilmRows.Row(gross: "146083000.0")).UsGrossMinor);
        Assert.Null(FilmRows.Clean(FilmRows.Row(gross: null)).UsGrossMinor);
    }

    [Fact]
    public void Remakes_sharing_a_title_get_different_keys()
    {
        var original = FilmRows.Clean(FilmRows.Row("King Kong", "Mar 07 1933"));
        var remake = FilmRows.Clean(FilmRows.Row("King Kong", "Dec 14 2005"));
        Assert.NotEqual(original.FilmKey, remake.FilmKey);
        Assert.Equal(FilmKey.TitleOf(original.FilmKey), FilmKey.TitleOf(remake.FilmKey));
    }

    [Theory]
    [InlineData("", "Jun 12 1998", null, "Title")]
    [InlineData("Dune", "", null, "Release Date")]
    [InlineData("Dune", "sometime", null, "Release Date")]
    [InlineData("Dune", "Jun 12 1998", "eleven", "IMDB Rating")]
    [InlineData("Dune", "Jun 12 1998", "74", "IMDB Rating")]
    public void A_row_without_a_key_or_with_a_wrong_value_is_rejected_with_its_field(string title, string date, string? imdb, string field)
    {
        var (film, rejected) = new FilmCleaner(FilmRows.Today).Clean(FilmRows.Row(title, date, imdb: imdb));
        Assert.Null(film);
        Assert.Equal(field, rejected!.Field);
        Assert.Equal(2, rejected.LineNumber);
    }
}
