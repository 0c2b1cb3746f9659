using System.Text;
using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Tests.Films;

/// <summary>Builds source rows and reads test files for the film tests.</summary>
internal static class FilmRows
{
    public static readonly DateOnly Today = new(2026, 3, 6);

    public static FilmSourceRow Row(string title = "Dune", string date = "Jun 12 1998", string? distributor = "Universal", string? imdb = "7.4", string? rt = "87", bool titleIsNumber = false, string? gross = "1000") =>
        new(2, new Dictionary<string, string?>
        {
            [FilmField.Title] = title,
            [FilmField.ReleaseDate] = date,
            [FilmField.Distributor] = distributor,
            [FilmField.ImdbRating] = imdb,
            [FilmField.RottenTomatoesRating] = rt,
            [FilmField.UsGross] = gross,
        }, "{}")
        { NumericFields = titleIsNumber ? new HashSet<string> { FilmField.Title } : new HashSet<string>() };

    public static CleanFilm Clean(FilmSourceRow row)
    {
        var (film, rejected) = new FilmCleaner(Today).Clean(row);
        Assert.True(film is not null, rejected?.Reason);
        return film;
    }

    public static async Task<List<FilmReadResult>> ReadAsync(string text, string extension)
    {
        var results = new List<FilmReadResult>();
        await foreach (var r in FilmsFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), extension, "test" + extension, TestContext.Current.CancellationToken))
        {
            results.Add(r);
        }
        return results;
    }
}
