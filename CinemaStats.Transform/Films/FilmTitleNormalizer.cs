using System.Globalization;
using System.Text;

namespace CinemaStats.Transform.Films;

/// <summary>
/// The title part of a film key: lower case, accents folded, punctuation removed (apostrophes
/// vanish, other marks become spaces), a leading article moved to the end. <c>The Secret</c>,
/// <c>Secret, The</c> and <c>SECRET THE</c> all become <c>secret the</c>; <c>Amélie</c> and
/// <c>Amelie</c> become <c>amelie</c>.
/// </summary>
public static class FilmTitleNormalizer
{
    private static readonly string[] Articles = ["the", "a", "an"];

    public static string Normalize(string title)
    {
        var words = Words(title);
        if (words.Count > 1 && Articles.Contains(words[0]))
        {
            words.Add(words[0]);
            words.RemoveAt(0);
        }
        return string.Join(' ', words);
    }

    /// <summary>The folded words of a title, in order.</summary>
    public static List<string> Words(string title)
    {
        var folded = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘')
            {
                continue;
            }
            folded.Append(c switch
            {
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                '&' => " and ",
                _ when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c).ToString(),
                _ => " ",
            });
        }
        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
