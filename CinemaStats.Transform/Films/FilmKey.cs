using System.Globalization;

namespace CinemaStats.Transform.Films;

/// <summary><c>film_key</c>: normalized title, <c>|</c>, release date; remakes share a title but not a date.</summary>
public static class FilmKey
{
    public static string Of(string title, DateOnly releaseDate) =>
        $"{FilmTitleNormalizer.Normalize(title)}|{releaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The normalized title part of a key.</summary>
    public static string TitleOf(string filmKey) => filmKey[..filmKey.LastIndexOf('|')];
}
