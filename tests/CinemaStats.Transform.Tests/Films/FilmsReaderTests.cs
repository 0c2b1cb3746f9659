using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

public sealed class FilmsReaderTests
{
    private const string JsonArray = """
        [
          {"Title": 2012, "US Gross": 166112167, "Worldwide Gross": 766812167, "US DVD Sales": null, "Production Budget": 200000000, "Release Date": "Nov 13 2009", "MPAA Rating": "PG-13", "Running Time min": 158, "Distributor": "Sony/Columbia", "Source": "Original Screenplay", "Major Genre": "Action", "Creative Type": "Science Fiction", "Director": "Roland Emmerich", "Rotten Tomatoes Rating": 39, "IMDB Rating": 6.2, "IMDB Votes": 396},
          {"Title": "AmÈlie", "US_Gross": "33225499", "Release_Date": "Nov 02 2001", "Distributor": "Miramax", "IMDB_Rating": 8, "Rotten_Tomatoes_Rating": 89.0},
          {"Title": "Broken", "IMDB Rating": "eleven", "Release Date": "Jan 05 2000"},
          42
        ]
        """;

    private const string JsonLines =
        "{\"Title\": 2012, \"US Gross\": 166112167, \"Worldwide Gross\": 766812167, \"US DVD Sales\": null, \"Production Budget\": 200000000, \"Release Date\": \"Nov 13 2009\", \"MPAA Rating\": \"PG-13\", \"Running Time min\": 158, \"Distributor\": \"Sony/Columbia\", \"Source\": \"Original Screenplay\", \"Major Genre\": \"Action\", \"Creative Type\": \"Science Fiction\", \"Director\": \"Roland Emmerich\", \"Rotten Tomatoes Rating\": 39, \"IMDB Rating\": 6.2, \"IMDB Votes\": 396}\n" +
        "{\"Title\": \"AmÈlie\", \"US_Gross\": \"33225499\", \"Release_Date\": \"Nov 02 2001\", \"Distributor\": \"Miramax\", \"IMDB_Rating\": 8, \"Rotten_Tomatoes_Rating\": 89.0}\n" +
        "{\"Title\": \"Broken\", \"IMDB Rating\": \"eleven\", \"Release Date\": \"Jan 05 2000\"}\n" +
        "{not json\n";

    private const string Csv =
        "\uFEFFTitle,US_Gross,Worldwide_Gross,US_DVD_Sales,Production_Budget,Release_Date,MPAA_Rating,Running_Time_min,Distributor,Source,Major_Genre,Creative_Type,Director,Rotten_Tomatoes_Rating,IMDB_Rating,IMDB_Votes\r\n" +
        "2012,166112167,766812167,,200000000,Nov 13 2009,PG-13,158,Sony/Columbia,Original Screenplay,Action,Science Fiction,Roland Emmerich,39,6.2,396\r\n" +
        "AmÈlie,33225499,,,,Nov 02 2001,,,Miramax,,,,,89.0,8,\r\n" +
        "Broken,,,,,Jan 05 2000,,,,,,,,,eleven,\r\n" +
        "\"Secret, The\",1,2,3,4,Jun 12 1998,R,90,Fox,x,y,z,Ann,50,5.0,10,extra\r\n";

    [Theory]
    [InlineData(JsonArray, ".json")]
    [InlineData(JsonLines, ".jsonl")]
    [InlineData(JsonLines, ".json")]
    [InlineData(Csv, ".csv")]
    public async Task Every_format_gives_the_same_films_and_rejects_bad_rows_with_line_and_reason(string text, string extension)
    {
        var results = await FilmRows.ReadAsync(text, extension);
        var cleaner = new FilmCleaner(FilmRows.Today);
        var cleaned = results.Select(r => r.Row is { } row ? cleaner.Clean(row) : (null, r.Rejected)).ToList();
        var films = cleaned.Where(c => c.Item1 is not null).Select(c => c.Item1!).ToList();
        var rejected = cleaned.Where(c => c.Item1 is null).Select(c => c.Item2!).ToList();

        Assert.Equal(4, results.Count);
        Assert.Equal(results.Count, films.Count + rejected.Count);
        Assert.Equal(2, films.Count);
        var numeric = films[0];
        Assert.Equal(("2012", "2012|2009-11-13", "Sony"), (numeric.Title, numeric.FilmKey, numeric.Distributor));
        Assert.Equal((16_611_216_700L, 62, 39, 396L, 158), (numeric.UsGrossMinor!.Value, numeric.ImdbRatingX10!.Value, numeric.RottenTomatoesRating!.Value, numeric.ImdbVotes!.Value, numeric.RunningTimeMin!.Value));
        Assert.Null(numeric.UsDvdSalesMinor);
        Assert.Contains(CleaningFlag.TitleNumeric, numeric.Flags);
        var amelie = films[1];
        Assert.Equal(("Amélie", "AmÈlie", 80, 89, 3_322_549_900L), (amelie.Title, amelie.TitleRaw, amelie.ImdbRatingX10!.Value, amelie.RottenTomatoesRating!.Value, amelie.UsGrossMinor!.Value));
        Assert.Equal("IMDB Rating", rejected[0].Field);
        Assert.Contains("eleven", rejected[0].Reason);
        Assert.Equal(extension == ".csv" ? 4 : 3, rejected[0].LineNumber);
        Assert.Equal(extension == ".csv" ? 5 : 4, rejected[1].LineNumber);
    }

    [Fact]
    public async Task A_CSV_without_a_title_column_is_refused_whole()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => FilmRows.ReadAsync("Name,Year\nDune,2021\n", ".csv"));
    }
}
