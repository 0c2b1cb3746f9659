using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

public sealed class FilmTitleMatcherTests
{
    private static readonly FilmTitleMatcher Matcher = new(
    [
        "avatar|2009-12-18", "avatar the way of water|2022-12-16", "dune part two|2024-03-01", "dune part three|2026-12-18",
        "king kong|1933-03-07", "king kong|2005-12-14", "secret the|2007-04-27", "amelie|2001-11-02",
    ]);

    [Theory]
    [InlineData("AVATAR 3D (OV)", "avatar|2009-12-18")]
    [InlineData("Avatar: The Way of Water - 2D", "avatar the way of water|2022-12-16")]
    [InlineData("Dune: Part Three - 2D", "dune part three|2026-12-18")]
    [InlineData("Dune: Part Two (IMAX)", "dune part two|2024-03-01")]
    [InlineData("THE SECRET [DUB]", "secret the|2007-04-27")]
    [InlineData("Amelie OmU", "amelie|2001-11-02")]
    public void Tags_are_stripped_and_an_exact_title_matches_with_full_confidence(string raw, string key)
    {
        Assert.Equal(new FilmMatch(key, 1.0), Matcher.Match(raw));
    }

    [Fact]
    public void A_partial_title_matches_with_less_confidence()
    {
        var match = Matcher.Match("Avatar: Way of Water 3D");
        Assert.Equal("avatar the way of water|2022-12-16", match.FilmKey);
        Assert.InRange(match.Confidence, 0.5, 0.95);
        var weak = Matcher.Match("Dune 2D");
        Assert.StartsWith("dune part", weak.FilmKey);
        Assert.True(weak.Confidence < match.Confidence);
        Assert.Equal(new FilmMatch(null, 0), Matcher.Match("Paddington 3D"));
    }

    [Fact]
    public void Among_remakes_the_latest_released_by_the_show_date_wins()
    {
        Assert.Equal("king kong|2005-12-14", Matcher.Match("KING KONG").FilmKey);
        Assert.Equal("king kong|1933-03-07", Matcher.Match("King Kong", new DateOnly(1934, 1, 1)).FilmKey);
    }
}
