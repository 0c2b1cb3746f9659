using CinemaStats.Transform.Films;
using CinemaStats.Transform.Parsing;
using CinemaStats.Transform.Tests.Films;

namespace CinemaStats.Transform.Tests;

public sealed class DelimitedNumberTests
{
    [Theory]
    [InlineData("120,00", true, "120.00")]
    [InlineData("1.234,50", true, "1234.50")]
    [InlineData("7,4", true, "7.4")]
    [InlineData("120", true, "120")]
    [InlineData("120.00", false, "120.00")]
    [InlineData("1,234.50", false, "1234.50")]
    [InlineData("-3", false, "-3")]
    public void A_number_is_read_as_its_file_writes_numbers(string text, bool decimalComma, string expected)
    {
        Assert.True(DelimitedNumber.TryParse(text, decimalComma, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("120.50", true)] // a decimal point in a file of decimal commas: refused, not read as 12050
    [InlineData("12,50", false)] // a decimal comma in a ','-separated file: refused, not read as 1250
    [InlineData("1.23,5", true)]
    [InlineData("lots", true)]
    [InlineData("", false)]
    public void A_number_written_the_other_way_is_refused_rather_than_misread(string text, bool decimalComma)
    {
        Assert.False(DelimitedNumber.TryParse(text, decimalComma, out _));
    }

    [Fact]
    public async Task A_films_CSV_separated_by_semicolons_is_read_with_its_decimal_commas()
    {
        var read = await FilmRows.ReadAsync("Title;Release Date;IMDB Rating;US Gross\nDune;Oct 22 2021;7,4;1.234.567\nArrival;Nov 11 2016;7.9;100\n", ".csv");

        var dune = FilmRows.Clean(read[0].Row!);
        var (arrival, refused) = new FilmCleaner(FilmRows.Today).Clean(read[1].Row!);

        Assert.Equal((74, 123_456_700L), (dune.ImdbRatingX10, dune.UsGrossMinor));
        Assert.Null(arrival);
        Assert.Equal(("IMDB Rating", "invalid_imdb_rating"), (refused!.Field, refused.ReasonCode));
    }
}
