using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

public sealed class FilmTitleCleanerTests
{
    [Theory]
    [InlineData("2012", true)]
    [InlineData("300", false)]
    [InlineData("300.0", true)]
    public void A_title_that_is_a_number_stays_a_title(string raw, bool jsonNumber)
    {
        var cleaned = FilmTitleCleaner.Clean(raw, jsonNumber);
        Assert.Equal(raw.Replace(".0", ""), cleaned.Title);
        Assert.Contains(CleaningFlag.TitleNumeric, cleaned.Flags);
        Assert.Null(cleaned.YearHint);
    }

    [Theory]
    [InlineData("AmÈlie", "Amélie")]
    [InlineData("NoÎl ‡ QuÈbec", "Noël à Québec")]
    [InlineData("‹ber den Wolken", "Über den Wolken")]
    [InlineData("DÈj‡ Vu at Dawn", "Déjà Vu at Dawn")]
    [InlineData("CrËme Br˚lÈe", "Crème Brûlée")]
    [InlineData("SeÒora Luna", "Señora Luna")]
    [InlineData("AmÃ©lie", "Amélie")]
    public void Mis_decoded_accents_are_repaired(string raw, string expected)
    {
        var cleaned = FilmTitleCleaner.Clean(raw, false);
        Assert.Equal(expected, cleaned.Title);
        Assert.Contains(CleaningFlag.TitleAccentsRepaired, cleaned.Flags);
    }

    [Theory]
    [InlineData("ÈCOLE")]
    [InlineData("Èric")]
    [InlineData("ÒANDU")]
    [InlineData("Amélie")]
    [InlineData("Price: 5 · 10")]
    public void Accents_are_left_alone_where_the_repair_would_be_a_guess(string raw)
    {
        var cleaned = FilmTitleCleaner.Clean(raw, false);
        Assert.Equal(raw, cleaned.Title);
        Assert.DoesNotContain(CleaningFlag.TitleAccentsRepaired, cleaned.Flags);
    }

    [Theory]
    [InlineData("Secret, The", "The Secret")]
    [InlineData("Quiet Winter, A", "A Quiet Winter")]
    [InlineData("Ordinary Hero, An", "An Ordinary Hero")]
    public void A_trailing_article_moves_to_the_front(string raw, string expected)
    {
        var cleaned = FilmTitleCleaner.Clean(raw, false);
        Assert.Equal(expected, cleaned.Title);
        Assert.Contains(CleaningFlag.TitleArticleMoved, cleaned.Flags);
    }

    [Fact]
    public void A_year_suffix_is_stripped_and_kept_as_a_hint()
    {
        var cleaned = FilmTitleCleaner.Clean("Secret, The (1962)", false);
        Assert.Equal("The Secret", cleaned.Title);
        Assert.Equal(1962, cleaned.YearHint);
        Assert.Contains(CleaningFlag.TitleYearSuffix, cleaned.Flags);
        Assert.Equal("Blade Runner (3000)", FilmTitleCleaner.Clean("Blade Runner (3000)", false).Title);
    }

    [Fact]
    public void Normalized_titles_fold_accents_drop_punctuation_and_move_articles_back()
    {
        Assert.Equal("secret the", FilmTitleNormalizer.Normalize("The Secret"));
        Assert.Equal("secret the", FilmTitleNormalizer.Normalize("Secret, The"));
        Assert.Equal("amelie", FilmTitleNormalizer.Normalize("Amélie"));
        Assert.Equal("gravitys daughter", FilmTitleNormalizer.Normalize("Gravity's Daughter"));
        Assert.Equal("starfall origins", FilmTitleNormalizer.Normalize("Starfall: Origins"));
        Assert.Equal("king kong|1933-03-07", FilmKey.Of("King Kong", new DateOnly(1933, 3, 7)));
    }
}
